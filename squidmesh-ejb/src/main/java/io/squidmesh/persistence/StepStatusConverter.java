package io.squidmesh.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a step run status as its name (column {@code status}). It names its types itself, not through a generic base:
 * EclipseLink (Payara) reads the column type from the converter's own {@code AttributeConverter} declaration.
 */
@Converter
public class StepStatusConverter implements AttributeConverter<StepStatus, String> {

    @Override
    public String convertToDatabaseColumn(StepStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public StepStatus convertToEntityAttribute(String value) {
        return value == null ? null : StepStatus.of(value);
    }
}
