package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A step attempt claimed by one delivery: what the step runs with and which rows its result goes to.
 *
 * @param state     the run payload merged with its context when the attempt was claimed
 * @param resume    what the step row waited on when claimed (a batch step's running execution), or null
 * @param lastError what the step row last failed with when claimed (a retried batch step's failed execution), or null
 */
public record Claim(UUID runId, Workflow workflow, StepSpec step, UUID stepRunId, UUID attemptId, int attemptNumber,
                   Map<String, Object> input, Map<String, Object> state, Instant attemptStartedAt,
                   StepResume resume, StepError lastError) {

    /** The claim of {@code attempt}, a running attempt of the step {@code row}, read from the rows as they stand. */
    public static Claim of(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity row,
                           StepAttemptEntity attempt, Map<String, Object> state) {
        return new Claim(run.getId(), workflow, step, row.getId(), attempt.getId(), attempt.getAttemptNumber(),
                row.getInput(), state, attempt.getInsertedAt(), StepResume.read(row.getResume()),
                row.getLastError() == null ? null : new StepError(row.getLastError()));
    }

    public String stepName() {
        return step.name();
    }
}
