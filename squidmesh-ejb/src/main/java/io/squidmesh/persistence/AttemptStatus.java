package io.squidmesh.persistence;

/**
 * How one attempt of a step stands ({@code squid_mesh_step_attempts.status}; the public {@code StepAttempt.status}
 * is its {@link #value()}): {@code running} until it ends {@code completed} or {@code failed}.
 */
public enum AttemptStatus {
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String value;

    AttemptStatus(String value) {
        this.value = value;
    }

    /** The name stored and shown. */
    public String value() {
        return value;
    }

    /** The status of a stored name; an unknown name is a corrupt row, said so. */
    public static AttemptStatus of(String value) {
        return StatusNames.named(values(), AttemptStatus::value, value, "step attempt status");
    }
}
