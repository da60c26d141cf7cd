package io.squidmesh.workflow;

import java.util.Locale;

/** What runs for a step: a custom {@link Step} bean or one of the built-in kinds. */
public enum StepKind {
    CUSTOM, LOG, WAIT, PAUSE, APPROVAL,
    /** Launches a Jakarta Batch job and completes when the job ends. */
    BATCH;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isBuiltIn() {
        return this != CUSTOM;
    }

    /** Pause and approval steps stop the run until an operator acts. */
    public boolean isManual() {
        return this == PAUSE || this == APPROVAL;
    }

    @Override
    public String toString() {
        return value();
    }
}
