package io.squidmesh.persistence;

/**
 * Where a step run stands ({@code squid_mesh_step_runs.status}; the public {@code StepRun.status} is its
 * {@link #value()}). {@code pending}: queued by dependency scheduling, not yet claimed; {@code running}: an attempt
 * executes, or waits for an operator or a batch job; {@code completed} and {@code failed}: its latest attempt ended
 * so (a failed row may run again: a retry or a takeover reopens it).
 */
public enum StepStatus {
    PENDING("pending"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String value;

    StepStatus(String value) {
        this.value = value;
    }

    /** The name stored and shown. */
    public String value() {
        return value;
    }

    /** The status of a stored name; an unknown name is a corrupt row, said so. */
    public static StepStatus of(String value) {
        return StatusNames.named(values(), StepStatus::value, value, "step run status");
    }
}
