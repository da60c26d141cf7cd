package io.squidmesh.workflow;

import java.util.Locale;

/** Types of trigger payload fields (SPEC §4.3); {@link #value()} is the name used in JSON and messages. */
public enum FieldType {
    STRING, INTEGER, FLOAT, BOOLEAN, MAP, LIST,
    /** An enum-like symbol: a string value (and, as in the original engine, {@code null}). */
    ATOM;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
