package io.squidmesh.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an attempt status as its name (column {@code status}). It names its types itself, not through a generic base:
 * EclipseLink (Payara) reads the column type from the converter's own {@code AttributeConverter} declaration.
 */
@Converter
public class AttemptStatusConverter implements AttributeConverter<AttemptStatus, String> {

    @Override
    public String convertToDatabaseColumn(AttemptStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public AttemptStatus convertToEntityAttribute(String value) {
        return value == null ? null : AttemptStatus.of(value);
    }
}
