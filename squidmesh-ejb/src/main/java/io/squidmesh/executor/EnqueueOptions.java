package io.squidmesh.executor;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Options of one enqueue: the delay before the work may be delivered (SPEC §5.1 {@code schedule_in}), in
 * milliseconds as JMS delivery delays are; absent means as soon as the transaction commits. And the run's priority
 * (0-9, JMS priorities), which an executor may use to order what waits in its queue.
 */
public final class EnqueueOptions {

    private static final EnqueueOptions NOW = new EnqueueOptions(Duration.ZERO, -1, null, null);

    private final Duration delay;
    private final int priority;
    private final String queue;
    private final String traceParent;

    private EnqueueOptions(Duration delay, int priority, String queue, String traceParent) {
        this.delay = delay;
        this.priority = priority;
        this.queue = queue;
        this.traceParent = traceParent;
    }

    /**
     * These options for work that continues a trace: the executor sends the context with the work and hands it
     * back to {@code Runner.perform}, so the work's spans join the run's trace.
     *
     * @param traceParent a W3C {@code traceparent}, or {@code null} for none
     * @return new options
     */
    public EnqueueOptions inTrace(String traceParent) {
        return new EnqueueOptions(delay, priority, queue, traceParent);
    }

    /**
     * The trace context to send with the work.
     *
     * @return a W3C {@code traceparent}, or empty
     */
    public Optional<String> traceParent() {
        return Optional.ofNullable(traceParent);
    }

    /**
     * These options for work of a workflow that declares its own queue ({@code WorkflowBuilder.queue}).
     *
     * @param queue the queue's name, or {@code null} for the default queue
     * @return new options
     */
    public EnqueueOptions onQueue(String queue) {
        return new EnqueueOptions(delay, priority, queue, traceParent);
    }

    /**
     * The queue the work goes to, when not the default one.
     *
     * @return the queue's name, or empty for the default queue
     */
    public Optional<String> queue() {
        return Optional.ofNullable(queue);
    }

    /**
     * These options for work of a run of this priority.
     *
     * @param priority 0 (lowest) to 9 (highest)
     * @return new options
     */
    public EnqueueOptions withPriority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("priority must be from 0 to 9: " + priority);
        }
        return new EnqueueOptions(delay, priority, queue, traceParent);
    }

    /**
     * The run's priority, when given.
     *
     * @return 0 to 9, or empty
     */
    public OptionalInt priority() {
        return priority < 0 ? OptionalInt.empty() : OptionalInt.of(priority);
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
     * A delay, kept to the millisecond; {@code null}, zero or less means no delay.
     *
     * @param delay the delay before the work may be delivered
     * @return the options
     */
    public static EnqueueOptions after(Duration delay) {
        return delay == null || delay.toMillis() <= 0 ? NOW
                : new EnqueueOptions(Duration.ofMillis(delay.toMillis()), -1, null, null);
    }

    /**
     * A delay of {@code seconds}; zero or less means no delay, as in the original engine.
     *
     * @param seconds the delay in whole seconds
     * @return the options
     */
    public static EnqueueOptions scheduleIn(int seconds) {
        return after(Duration.ofSeconds(seconds));
    }

    /**
     * The delay before the work may be delivered.
     *
     * @return the delay (whole milliseconds), or empty for no delay
     */
    public Optional<Duration> delay() {
        return delay.isZero() ? Optional.empty() : Optional.of(delay);
    }

    /**
     * The delay in the original's unit, for the {@code schedule_in} field of the executor's metadata.
     *
     * @return the delay in whole seconds, rounded up, or empty for no delay
     */
    public OptionalInt scheduleIn() {
        return delay.isZero() ? OptionalInt.empty() : OptionalInt.of(wholeSecondsUp(delay));
    }

    /**
     * A delay in whole seconds, rounded up (1 ms is 1 s), as SPEC's {@code schedule_in} field counts.
     *
     * @param delay a positive delay
     * @return the seconds, at least 1
     */
    public static int wholeSecondsUp(Duration delay) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (delay.toMillis() + 999) / 1000));
    }

    @Override
    public String toString() {
        return (delay.isZero() ? "now" : "schedule_in=" + delay.toMillis() + "ms")
                + (priority < 0 ? "" : " priority=" + priority) + (queue == null ? "" : " queue=" + queue);
    }
}
