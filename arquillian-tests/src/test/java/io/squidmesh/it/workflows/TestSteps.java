package io.squidmesh.it.workflows;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small steps the test workflows are made of; each records its executions in {@link Probe}. */
public final class TestSteps {

    private TestSteps() {
    }

    /** Returns its input plus the step name and attempt. */
    @ApplicationScoped
    public static class Echo implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), context.step());
            Map<String, Object> output = new LinkedHashMap<>(input);
            output.put("step", context.step());
            output.put("attempt", context.attempt());
            return StepResult.ok(output);
        }
    }

    /** Fails with a retryable error until its attempt number exceeds the payload's {@code failures}. */
    @ApplicationScoped
    public static class Flaky implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), context.step());
            int failures = ((Number) context.state().getOrDefault("failures", 0)).intValue();
            if (context.attempt() <= failures) {
                return StepResult.retry(Map.of("message", "retry later", "code", "retry_later"));
            }
            return StepResult.ok(Map.of("status", "ok", "attempts", context.attempt()));
        }
    }

    /** Always fails terminally. */
    @ApplicationScoped
    public static class Decline implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), context.step());
            return StepResult.error(Map.of("message", "card declined", "code", "card_declined"));
        }
    }

    /** Throws. */
    @ApplicationScoped
    public static class Explode implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), context.step());
            throw new IllegalStateException("boom in " + context.step());
        }
    }

    /** Holds until the test opens the run's gate. */
    @ApplicationScoped
    public static class Gate implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            Probe.record(context.runId(), context.step());
            Probe.hold(context.runId());
            return StepResult.ok(Map.of("gate", "opened"));
        }
    }

    /** Succeeds and asks for its successor to be delayed by the payload's {@code delay_seconds}. */
    // tag::schedule-in[]
    @ApplicationScoped
    public static class Later implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), context.step());
            long seconds = ((Number) context.state().getOrDefault("delay_seconds", 1)).longValue();
            return StepResult.ok(Map.of("scheduled", true), Duration.ofSeconds(seconds));
        }
    }
    // end::schedule-in[]
}
