package io.squidmesh.workflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built-in step kind with its options: {@link Workflows#log}, {@link Workflows#waitFor},
 * {@link Workflows#pause()}. Approval steps are declared with {@link WorkflowBuilder#approval}.
 */
public final class BuiltIn {

    private final StepKind kind;
    private final Map<String, Object> options;

    BuiltIn(StepKind kind, Map<String, Object> options) {
        this.kind = kind;
        this.options = options;
    }

    static BuiltIn log(String message, Object level) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(StepOptions.MESSAGE, message);
        options.put(StepOptions.LEVEL, level);
        return new BuiltIn(StepKind.LOG, options);
    }

    static BuiltIn waitFor(Duration duration) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(StepOptions.DURATION, duration);
        return new BuiltIn(StepKind.WAIT, options);
    }

    static BuiltIn awaitEvent(String event, Duration timeout) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(StepOptions.EVENT, event);
        if (timeout != null) {
            options.put(StepOptions.TIMEOUT, timeout);
        }
        return new BuiltIn(StepKind.AWAIT_EVENT, options);
    }

    static BuiltIn childRun(String workflow, boolean wait) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(StepOptions.WORKFLOW, workflow);
        options.put(StepOptions.WAIT, wait);
        return new BuiltIn(StepKind.CHILD_RUN, options);
    }

    static BuiltIn batch(String jobName) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(StepOptions.JOB, jobName);
        return new BuiltIn(StepKind.BATCH, options);
    }

    /**
     * The kind of step this declares.
     *
     * @return the step kind, e.g. {@link StepKind#LOG}
     */
    public StepKind kind() {
        return kind;
    }

    Map<String, Object> options() {
        return options;
    }
}
