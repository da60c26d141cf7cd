package io.squidmesh.persistence;

import io.squidmesh.RunStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RunStatus} as its SPEC name ({@code pending}, {@code running}, ...). */
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
