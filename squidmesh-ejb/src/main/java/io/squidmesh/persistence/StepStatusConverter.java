package io.squidmesh.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link StepStatus} as its name ({@code pending}, {@code running}, ...), as the schema has it. */
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
