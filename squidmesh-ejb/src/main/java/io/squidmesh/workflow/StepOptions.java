package io.squidmesh.workflow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one step (SPEC §4.5), set in the lambda of {@link WorkflowBuilder#step}:
 * <pre>{@code
 * .step("capture_payment", CapturePayment.class, s -> s.input("order_id").output("payment")
 *         .retry(3, exponential(1_000, 10_000)).compensate(RefundPayment.class))
 * }</pre>
 * Everything is checked when the application deploys; {@link #option(String, Object)} stores any
 * other key, which the engine keeps and ignores.
 */
public final class StepOptions {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String TRANSACTION = "transaction";
    public static final String RETRY = "retry";
    public static final String IRREVERSIBLE = "irreversible";
    public static final String COMPENSATABLE = "compensatable";
    public static final String COMPENSATE = "compensate";
    public static final String AFTER = "after";
    public static final String DURATION = "duration";
    public static final String MESSAGE = "message";
    public static final String LEVEL = "level";
    public static final String JOB = "job";

    private final Map<String, Object> options = new LinkedHashMap<>();

    StepOptions() {
    }

    /** The step receives only these keys of the run state; absent keys are left out. */
    public StepOptions input(String... keys) {
        return option(INPUT, Arrays.asList(keys));
    }

    /** The step's output is stored under this single key before it joins the run context. */
    public StepOptions output(String key) {
        return option(OUTPUT, key);
    }

    /** Retry up to {@code maxAttempts} attempts in all, immediately. */
    public StepOptions retry(int maxAttempts) {
        return option(RETRY, RetryPolicy.of(maxAttempts));
    }

    /** Retry up to {@code maxAttempts} attempts in all, waiting per {@code backoff}. */
    public StepOptions retry(int maxAttempts, Backoff backoff) {
        return option(RETRY, RetryPolicy.of(maxAttempts, backoff));
    }

    /** The saga inverse, run after a later step fails the run terminally. */
    public StepOptions compensate(Class<? extends Step> callback) {
        return option(COMPENSATE, callback);
    }

    /** {@code false}: no reliable way back; replaying a run past this step needs an explicit override. */
    public StepOptions compensatable(boolean compensatable) {
        return option(COMPENSATABLE, compensatable);
    }

    /** The side effect cannot be undone (implies non-compensatable). */
    public StepOptions irreversible() {
        return option(IRREVERSIBLE, true);
    }

    public StepOptions irreversible(boolean irreversible) {
        return option(IRREVERSIBLE, irreversible);
    }

    /**
     * The step runs inside the JTA transaction that records its completion and enqueues its successor:
     * its writes to XA resources commit exactly once per completed step and roll back on failure.
     */
    public StepOptions transactional() {
        return option(TRANSACTION, true);
    }

    /** Dependency mode: this step runs once all of these steps have completed. */
    public StepOptions after(String... steps) {
        return option(AFTER, Arrays.asList(steps));
    }

    /** Any option by key, unchecked here; unknown keys are kept and ignored. */
    public StepOptions option(String key, Object value) {
        options.put(key, value);
        return this;
    }

    Map<String, Object> toMap() {
        return options;
    }
}
