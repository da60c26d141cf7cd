package io.squidmesh.workflow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one step, set in the lambda of {@link WorkflowBuilder#step}:
 * <pre>{@code
 * .step("capture_payment", CapturePayment.class, s -> s.input("order_id").output("payment")
 *         .retry(3, exponential(1_000, 10_000)).compensate(RefundPayment.class))
 * }</pre>
 * Everything is checked when the application deploys; {@link #option(String, Object)} stores any
 * other key, which the engine keeps and ignores.
 */
public final class StepOptions {

    /** Option key of {@link #input(String...)}. */
    public static final String INPUT = "input";
    /** Option key of {@link #output(String)}. */
    public static final String OUTPUT = "output";
    /** Option key of {@link #transactional()}. */
    public static final String TRANSACTION = "transaction";
    /** Option key of {@link #retry(int, Backoff)}. */
    public static final String RETRY = "retry";
    /** Option key of {@link #irreversible(boolean)}. */
    public static final String IRREVERSIBLE = "irreversible";
    /** Option key of {@link #compensatable(boolean)}. */
    public static final String COMPENSATABLE = "compensatable";
    /** Option key of {@link #compensate(Class)}. */
    public static final String COMPENSATE = "compensate";
    /** Option key of {@link #after(String...)}. */
    public static final String AFTER = "after";
    /** Option key of a wait step's duration ({@link Workflows#waitFor}). */
    public static final String DURATION = "duration";
    /** Option key of a log step's message ({@link Workflows#log}). */
    public static final String MESSAGE = "message";
    /** Option key of a log step's level ({@link Workflows#log}). */
    public static final String LEVEL = "level";
    /** Option key of a batch step's job name ({@link Workflows#batch}). */
    public static final String JOB = "job";
    /** The event an {@code await_event} step waits for ({@link Workflows#awaitEvent}). */
    public static final String EVENT = "event";
    /** The workflow a {@code child_run} step starts. */
    public static final String WORKFLOW = "workflow";
    /** Whether a {@code child_run} step waits for its child's end ({@code true}) or goes on at once. */
    public static final String WAIT = "wait";
    /** How long an {@code await_event} step waits before it fails with {@code event_timeout}. */
    public static final String TIMEOUT = "timeout";

    private final Map<String, Object> options = new LinkedHashMap<>();

    StepOptions() {
    }

    /**
     * The step receives only these keys of the run state; absent keys are left out.
     *
     * @param keys the keys to pass
     * @return these options
     */
    public StepOptions input(String... keys) {
        return option(INPUT, Arrays.asList(keys));
    }

    /**
     * The step's output is stored under this single key before it joins the run context.
     *
     * @param key the context key
     * @return these options
     */
    public StepOptions output(String key) {
        return option(OUTPUT, key);
    }

    /**
     * Retry up to {@code maxAttempts} attempts in all, immediately.
     *
     * @param maxAttempts the most attempts in all
     * @return these options
     */
    public StepOptions retry(int maxAttempts) {
        return option(RETRY, RetryPolicy.of(maxAttempts));
    }

    /**
     * Retry up to {@code maxAttempts} attempts in all, waiting per {@code backoff}.
     *
     * @param maxAttempts the most attempts in all
     * @param backoff the wait between attempts
     * @return these options
     */
    public StepOptions retry(int maxAttempts, Backoff backoff) {
        return option(RETRY, RetryPolicy.of(maxAttempts, backoff));
    }

    /**
     * The saga inverse, run after a later step fails the run terminally.
     *
     * @param callback the {@link Step} bean that undoes this step
     * @return these options
     */
    public StepOptions compensate(Class<? extends Step> callback) {
        return option(COMPENSATE, callback);
    }

    /**
     * {@code false}: no reliable way back; replaying a run past this step needs an explicit override.
     *
     * @param compensatable whether the step can be compensated
     * @return these options
     */
    public StepOptions compensatable(boolean compensatable) {
        return option(COMPENSATABLE, compensatable);
    }

    /**
     * The side effect cannot be undone (implies non-compensatable).
     *
     * @return these options
     */
    public StepOptions irreversible() {
        return option(IRREVERSIBLE, true);
    }

    /**
     * Whether the side effect cannot be undone; {@code true} implies non-compensatable.
     *
     * @param irreversible whether the step is irreversible
     * @return these options
     */
    public StepOptions irreversible(boolean irreversible) {
        return option(IRREVERSIBLE, irreversible);
    }

    /**
     * Each attempt must end within {@code timeout}: past it the attempt fails with the retryable error
     * {@code step_timeout} (the step's retry policy and error route apply), the thread running it is interrupted,
     * and whatever it returns later is ignored. The deadline is stored with the attempt, so it holds across
     * restarts. On an {@code awaitEvent} step it is how long the event is waited for.
     *
     * @param timeout how long an attempt may run (positive)
     * @return these options
     */
    public StepOptions timeout(java.time.Duration timeout) {
        return option(TIMEOUT, timeout);
    }

    /**
     * The step runs inside the JTA transaction that records its completion and enqueues its successor:
     * its writes to XA resources commit exactly once per completed step and roll back on failure.
     *
     * @return these options
     */
    public StepOptions transactional() {
        return option(TRANSACTION, true);
    }

    /**
     * Dependency mode: this step runs once all of these steps have completed.
     *
     * @param steps the steps this one depends on
     * @return these options
     */
    public StepOptions after(String... steps) {
        return option(AFTER, Arrays.asList(steps));
    }

    /**
     * Any option by key, unchecked here; unknown keys are kept and ignored.
     *
     * @param key the option's key
     * @param value the option's value
     * @return these options
     */
    public StepOptions option(String key, Object value) {
        options.put(key, value);
        return this;
    }

    Map<String, Object> toMap() {
        return options;
    }
}
