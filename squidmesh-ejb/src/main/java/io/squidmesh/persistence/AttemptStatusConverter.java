package io.squidmesh.persistence;

import jakarta.persistence.Converter;

/** Stores an attempt status as its name (column {@code status}). */
@Converter
public class AttemptStatusConverter extends StatusColumnConverter<AttemptStatus> {

    public AttemptStatusConverter() {
        super(AttemptStatus::value, AttemptStatus::of);
    }
}
