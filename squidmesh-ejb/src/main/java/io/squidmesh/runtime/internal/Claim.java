package io.squidmesh.runtime.internal;

import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A step attempt claimed by one delivery: what the step runs with and which rows its result goes to.
 *
 * @param state the run payload merged with its context when the attempt was claimed
 */
public record Claim(UUID runId, Workflow workflow, StepSpec step, UUID stepRunId, UUID attemptId, int attemptNumber,
                   Map<String, Object> input, Map<String, Object> state, Instant attemptStartedAt) {

    public String stepName() {
        return step.name();
    }
}
