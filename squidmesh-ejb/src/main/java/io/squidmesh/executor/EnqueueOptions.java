package io.squidmesh.executor;

import java.util.OptionalInt;

/**
 * Options of one enqueue: {@code scheduleIn} is the delay in whole seconds before the work may be
 * delivered (SPEC §5.1 {@code schedule_in}); absent means as soon as the transaction commits.
 */
public final class EnqueueOptions {

    private static final EnqueueOptions NOW = new EnqueueOptions(0);

    private final int scheduleInSeconds;

    private EnqueueOptions(int scheduleInSeconds) {
        this.scheduleInSeconds = scheduleInSeconds;
    }

    public static EnqueueOptions now() {
        return NOW;
    }

    /** A delay of {@code seconds}; zero or less means no delay, as in the original engine. */
    public static EnqueueOptions scheduleIn(int seconds) {
        return seconds > 0 ? new EnqueueOptions(seconds) : NOW;
    }

    public OptionalInt scheduleIn() {
        return scheduleInSeconds > 0 ? OptionalInt.of(scheduleInSeconds) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return scheduleInSeconds > 0 ? "schedule_in=" + scheduleInSeconds + "s" : "now";
    }
}
