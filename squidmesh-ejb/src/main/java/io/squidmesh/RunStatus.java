package io.squidmesh;

import java.util.Locale;
import java.util.Optional;

/** The eight run statuses; {@link #value()} is the string persisted and shown in JSON. */
public enum RunStatus {
    PENDING, RUNNING, RETRYING, PAUSED, FAILED, COMPLETED, CANCELLING, CANCELLED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Failed, completed and cancelled runs never change again. */
    public boolean isTerminal() {
        return this == FAILED || this == COMPLETED || this == CANCELLED;
    }

    /** Only pending, running and retrying runs may have their next step scheduled. */
    public boolean schedulesNextStep() {
        return this == PENDING || this == RUNNING || this == RETRYING;
    }

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

    /** Reads a persisted status; an unknown value means the row was written by something else. */
    public static RunStatus of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown run status " + value));
    }

    @Override
    public String toString() {
        return value();
    }
}
