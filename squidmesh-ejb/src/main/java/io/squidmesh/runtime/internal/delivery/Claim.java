package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A step attempt claimed by one delivery: what the step runs with and which rows its result goes to.
 *
 * @param state     the run payload merged with its context when the attempt was claimed
 * @param resume    the step row's resume metadata when claimed (a batch step's running execution), or null
 * @param lastError the step row's last error when claimed (a retried batch step's failed execution), or null
 */
public record Claim(UUID runId, Workflow workflow, StepSpec step, UUID stepRunId, UUID attemptId, int attemptNumber,
                   Map<String, Object> input, Map<String, Object> state, Instant attemptStartedAt,
                   Map<String, Object> resume, Map<String, Object> lastError) {

    public String stepName() {
        return step.name();
    }
}
