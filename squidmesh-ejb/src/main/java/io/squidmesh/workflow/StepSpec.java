package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.DefinitionValidator;
import io.squidmesh.workflow.internal.ValueTypes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated step. {@code implementation} is null for built-ins; {@code input} is null when the step
 * sees the whole run state; {@code after} is empty outside dependency mode; {@code message},
 * {@code level} and {@code duration} belong to the {@code log} and {@code wait} kinds; {@code options}
 * keeps every option as declared, unknown keys included.
 */
public record StepSpec(String name, StepKind kind, Class<? extends Step> implementation, List<String> input,
                       String output, RetryPolicy retry, boolean irreversible, boolean compensatable,
                       Class<? extends Step> compensate, boolean transactional, List<String> after, String message,
                       LogLevel level, Duration duration, Map<String, Object> options) {

    /** The recovery policy's {@code replay} when a replay may pass the step without review. */
    public static final String REPLAY_ALLOWED = "allowed";
    /** The recovery policy's {@code replay} when the step is irreversible or non-compensatable. */
    public static final String REPLAY_MANUAL_REVIEW = "manual_review_required";

    /**
     * The recovery policy persisted on each step run: whether a replay may pass this step
     * without review and whether a failure here is recovered automatically.
     *
     * @return a new map
     */
    public Map<String, Object> recoveryPolicy() {
        Map<String, Object> policy = new LinkedHashMap<>();
        if (irreversible || !compensatable) {
            policy.put("irreversible?", irreversible);
            policy.put("compensatable?", false);
            policy.put("replay", REPLAY_MANUAL_REVIEW);
            policy.put("recovery", "manual_intervention");
        } else {
            policy.put("irreversible?", false);
            policy.put("compensatable?", true);
            policy.put("replay", REPLAY_ALLOWED);
            policy.put("recovery", "automatic");
            if (compensate != null) {
                Map<String, Object> compensation = new LinkedHashMap<>();
                compensation.put("callback", compensate.getName());
                compensation.put("status", "available");
                policy.put("compensation", compensation);
            }
        }
        return policy;
    }

    /**
     * The Jakarta Batch job a {@code batch} step runs; null for other kinds.
     *
     * @return the job's name, or {@code null}
     */
    public String job() {
        return kind == StepKind.BATCH ? (String) options.get(StepOptions.JOB) : null;
    }

    /**
     * The event an {@code await_event} step waits for; null for other kinds.
     *
     * @return the event's name, or {@code null}
     */
    public String event() {
        return kind == StepKind.AWAIT_EVENT ? (String) options.get(StepOptions.EVENT) : null;
    }

    /**
     * How long an {@code await_event} step waits at most; null for other kinds and for waits without a limit.
     *
     * @return the timeout, or {@code null}
     */
    public Duration eventTimeout() {
        return kind == StepKind.AWAIT_EVENT ? timeout() : null;
    }

    /**
     * How long an attempt of the step may run ({@link StepOptions#timeout}); for an {@code await_event} step, how
     * long the event is waited for. Null when the step has none.
     *
     * @return the timeout, or {@code null}
     */
    public Duration timeout() {
        Object timeout = options.get(StepOptions.TIMEOUT);
        return (kind == StepKind.CUSTOM || kind == StepKind.AWAIT_EVENT) && timeout != null
                ? DefinitionValidator.duration(timeout) : null;
    }

    /**
     * The workflow a {@code child_run} step starts; null for other kinds.
     *
     * @return the child's workflow name, or {@code null}
     */
    public String childWorkflow() {
        return kind == StepKind.CHILD_RUN ? (String) options.get(StepOptions.WORKFLOW) : null;
    }

    /**
     * Whether a {@code child_run} step waits for its child's end.
     *
     * @return {@code true} for a child run step that waits, {@code false} otherwise
     */
    public boolean waitsForChild() {
        return kind == StepKind.CHILD_RUN && !Boolean.FALSE.equals(options.get(StepOptions.WAIT));
    }

    /**
     * Whether the step stops the run until an operator acts (pause and approval).
     *
     * @return {@link StepKind#isManual()} of the step's kind
     */
    public boolean isManual() {
        return kind.isManual();
    }

    /**
     * A wait step's delay: its duration rounded up to whole seconds (10 ms waits 1 s), as SPEC's {@code wait}
     * counts; retries and {@code scheduleIn} keep their milliseconds.
     *
     * @return the delay before the next step, at least 1 s
     */
    public Duration waitDelay() {
        return Duration.ofSeconds(Math.max(1, (duration.toMillis() + 999) / 1000));
    }

    /**
     * The serializable description used by inspection and the REST API.
     *
     * @return a new map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("kind", kind.value());
        if (implementation != null) {
            map.put("implementation", implementation.getName());
        }
        Map<String, Object> opts = new LinkedHashMap<>();
        if (input != null) {
            opts.put("input", input);
        }
        if (output != null) {
            opts.put("output", output);
        }
        if (retry != null) {
            opts.put("retry", retry.toMap());
        }
        if (irreversible) {
            opts.put("irreversible", true);
        }
        if (!compensatable) {
            opts.put("compensatable", false);
        }
        if (compensate != null) {
            opts.put("compensate", compensate.getName());
        }
        if (transactional) {
            opts.put("transactional", true);
        }
        if (kind == StepKind.CUSTOM && timeout() != null) {
            opts.put("timeout", ValueTypes.jsonInteger(timeout().toMillis()));
        }
        if (!after.isEmpty()) {
            opts.put("after", after);
        }
        if (message != null) {
            opts.put("message", message);
            opts.put("level", level.value());
        }
        if (duration != null) {
            opts.put("duration", ValueTypes.jsonInteger(duration.toMillis()));
        }
        if (kind == StepKind.BATCH) {
            opts.put("job", options.get(StepOptions.JOB));
        }
        if (kind == StepKind.CHILD_RUN) {
            opts.put("workflow", childWorkflow());
            opts.put("wait", waitsForChild());
        }
        if (kind == StepKind.AWAIT_EVENT) {
            opts.put("event", event());
            Duration timeout = eventTimeout();
            if (timeout != null) {
                opts.put("timeout", ValueTypes.jsonInteger(timeout.toMillis()));
            }
        }
        map.put("options", opts);
        map.put("recovery", recoveryPolicy());
        return map;
    }
}
