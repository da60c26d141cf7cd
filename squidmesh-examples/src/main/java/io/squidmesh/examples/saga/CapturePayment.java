package io.squidmesh.examples.saga;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Always declined, so the example shows the saga unwinding. The error is retryable: the step's retry policy
 * runs out first, and only then does the run fail and the compensations start.
 */
@ApplicationScoped
public class CapturePayment implements Step {

    @Override
    public String description() {
        return "Captures an authorized payment";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.retry(Map.of("message", "payment capture declined", "code", "capture_declined"));
    }
}
