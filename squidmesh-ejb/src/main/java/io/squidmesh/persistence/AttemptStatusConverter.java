package io.squidmesh.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link AttemptStatus} as its name ({@code running}, {@code completed}, {@code failed}). */
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
