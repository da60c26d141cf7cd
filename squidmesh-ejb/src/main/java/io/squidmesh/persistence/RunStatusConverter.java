package io.squidmesh.persistence;

import io.squidmesh.RunStatus;
import jakarta.persistence.Converter;

/** Stores a run status as its name (column {@code status}). */
@Converter
public class RunStatusConverter extends StatusColumnConverter<RunStatus> {

    public RunStatusConverter() {
        super(RunStatus::value, RunStatus::of);
    }
}
