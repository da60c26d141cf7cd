package io.squidmesh.persistence;

import jakarta.persistence.Converter;

/** Stores a step run status as its name (column {@code status}). */
@Converter
public class StepStatusConverter extends StatusColumnConverter<StepStatus> {

    public StepStatusConverter() {
        super(StepStatus::value, StepStatus::of);
    }
}
