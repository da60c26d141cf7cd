package io.squidmesh.workflow;

import java.util.Locale;

/** Types of trigger payload fields (SPEC §4.3); {@link #value()} is the name used in JSON and messages. */
public enum FieldType {
    /** A string. */
    STRING,
    /** A whole number. */
    INTEGER,
    /** A floating-point or decimal number. */
    FLOAT,
    /** A boolean. */
    BOOLEAN,
    /** A JSON object. */
    MAP,
    /** A JSON array. */
    LIST,
    /** An enum-like symbol: a string value (and, as in the original engine, {@code null}). */
    ATOM;

    /**
     * The name used in JSON and messages.
     *
     * @return the lower-case name, e.g. {@code "string"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
