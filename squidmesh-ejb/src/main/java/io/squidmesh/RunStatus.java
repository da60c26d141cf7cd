package io.squidmesh;

import java.util.Locale;
import java.util.Optional;

/** The eight run statuses; {@link #value()} is the string persisted and shown in JSON. */
public enum RunStatus {
    /** Started, its first step not yet delivered. */
    PENDING,
    /** A step is being delivered or executed. */
    RUNNING,
    /** A step failed and its retry is scheduled. */
    RETRYING,
    /** Waiting at a pause or approval step for an operator. */
    PAUSED,
    /** Ended in failure; terminal. */
    FAILED,
    /** Ended successfully; terminal. */
    COMPLETED,
    /** Cancellation requested while running or retrying; settles on the run's next delivery. */
    CANCELLING,
    /** Cancelled; terminal. */
    CANCELLED;

    /**
     * The status as persisted and shown in JSON.
     *
     * @return the lower-case name, e.g. {@code "pending"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Failed, completed and cancelled runs never change again.
     *
     * @return whether this status is terminal
     */
    public boolean isTerminal() {
        return this == FAILED || this == COMPLETED || this == CANCELLED;
    }

    /**
     * Only pending, running and retrying runs may have their next step scheduled.
     *
     * @return whether a run in this status may have its next step scheduled
     */
    public boolean schedulesNextStep() {
        return this == PENDING || this == RUNNING || this == RETRYING;
    }

    /**
     * The status whose {@link #value()} this is.
     *
     * @param value a persisted status string, or {@code null}
     * @return the status, or empty for {@code null} or an unknown value
     */
    public static Optional<RunStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (RunStatus status : values()) {
            if (status.value().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a persisted status; an unknown value means the row was written by something else.
     *
     * @param value a persisted status string
     * @return the status
     * @throws IllegalArgumentException when the value is not a known status
     */
    public static RunStatus of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown run status " + value));
    }

    @Override
    public String toString() {
        return value();
    }
}
