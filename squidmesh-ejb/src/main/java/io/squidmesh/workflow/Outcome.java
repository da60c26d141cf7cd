package io.squidmesh.workflow;

import java.util.Locale;

/** The outcome a transition follows: a step's success or its (final) failure. */
public enum Outcome {
    /** The step succeeded (or an approval step was approved). */
    OK,
    /** The step failed for good (or an approval step was rejected). */
    ERROR;

    /**
     * The name used in definitions and descriptions.
     *
     * @return {@code "ok"} or {@code "error"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
