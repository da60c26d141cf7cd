package io.squidmesh.workflow;

import java.util.Locale;

/** What runs for a step: a custom {@link Step} bean or one of the built-in kinds. */
public enum StepKind {
    /** A custom {@link Step} bean. */
    CUSTOM,
    /** Writes one log line ({@link Workflows#log}). */
    LOG,
    /** Delays the next step without holding a thread ({@link Workflows#waitFor}). */
    WAIT,
    /** Stops the run until an operator unblocks it ({@link Workflows#pause()}). */
    PAUSE,
    /** Stops the run until an operator approves or rejects it ({@link WorkflowBuilder#approval}). */
    APPROVAL,
    /** Launches a Jakarta Batch job and completes when the job ends. */
    BATCH,
    /**
     * Waits, without a thread and without a queued message, for an external event sent to the run
     * ({@link Workflows#awaitEvent}); the event's payload is the step's output.
     */
    AWAIT_EVENT,
    /**
     * Starts a run of another workflow as this run's child ({@link Workflows#childRun}), once however often the
     * step is delivered, and either goes on at once or waits for the child's end.
     */
    CHILD_RUN;

    /**
     * The name used in definitions and descriptions.
     *
     * @return the lower-case name, e.g. {@code "custom"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the engine provides the step itself.
     *
     * @return {@code true} for every kind but {@link #CUSTOM}
     */
    public boolean isBuiltIn() {
        return this != CUSTOM;
    }

    /**
     * Pause and approval steps stop the run until an operator acts.
     *
     * @return {@code true} for {@link #PAUSE} and {@link #APPROVAL}
     */
    public boolean isManual() {
        return this == PAUSE || this == APPROVAL;
    }

    @Override
    public String toString() {
        return value();
    }
}
