package io.squidmesh.workflow;

import java.util.Locale;

/** The outcome a transition follows: a step's success or its (final) failure. */
public enum Outcome {
    OK, ERROR;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
