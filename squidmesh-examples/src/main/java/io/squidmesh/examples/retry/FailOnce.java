package io.squidmesh.examples.retry;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Fails the first attempt of each run with a retryable error and succeeds on the next. It decides from
 * {@link StepContext#attempt()}, which the engine persists, not from memory: the retry may be delivered
 * after a restart, or on another node.
 */
// tag::step[]
@ApplicationScoped
public class FailOnce implements Step {

    @Override
    public String description() {
        return "Fails once per run and then succeeds";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        if (context.attempt() == 1) {
            return StepResult.retry(Map.of("message", "retry later", "code", "retry_later"));
        }
        return StepResult.ok(Map.of("retry_probe", Map.of("attempt_id", input.get("attempt_id"), "status", "ok")));
    }
}
// end::step[]
