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

    /**
     * No delay: deliverable as soon as the transaction commits.
     *
     * @return the shared no-delay options
     */
    public static EnqueueOptions now() {
        return NOW;
    }

    /**
     * A delay of {@code seconds}; zero or less means no delay, as in the original engine.
     *
     * @param seconds the delay in whole seconds
     * @return the options
     */
    public static EnqueueOptions scheduleIn(int seconds) {
        return seconds > 0 ? new EnqueueOptions(seconds) : NOW;
    }

    /**
     * The delay before the work may be delivered.
     *
     * @return the delay in whole seconds, or empty for no delay
     */
    public OptionalInt scheduleIn() {
        return scheduleInSeconds > 0 ? OptionalInt.of(scheduleInSeconds) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return scheduleInSeconds > 0 ? "schedule_in=" + scheduleInSeconds + "s" : "now";
    }
}
