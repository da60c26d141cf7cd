package io.squidmesh.workflow;

import java.util.Locale;

/** Levels of the built-in {@code log} step. */
public enum LogLevel {
    /** Debug detail. */
    DEBUG,
    /** Normal information; the level of {@link Workflows#log(String)}. */
    INFO,
    /** Something worth attention. */
    WARNING,
    /** An error. */
    ERROR;

    /**
     * The name used in definitions and descriptions.
     *
     * @return the lower-case name, e.g. {@code "info"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
