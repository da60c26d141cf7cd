package io.squidmesh.persistence;

import io.squidmesh.RunStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a run status as its name (column {@code status}). It names its types itself, not through a generic base:
 * EclipseLink (Payara) reads the column type from the converter's own {@code AttributeConverter} declaration.
 */
@Converter
public class RunStatusConverter implements AttributeConverter<RunStatus, String> {

    @Override
    public String convertToDatabaseColumn(RunStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public RunStatus convertToEntityAttribute(String value) {
        return value == null ? null : RunStatus.of(value);
    }
}
