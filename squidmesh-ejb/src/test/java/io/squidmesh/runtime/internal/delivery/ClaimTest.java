package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A claim read from its rows: what the step waits on and last failed with arrive typed, the rest as stored. */
class ClaimTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

    private final Workflow workflow = workflow("w").trigger(manual("w"))
            .step("load", Noop.class).transition("load", OK, COMPLETE).build();
    private final StepSpec step = workflow.step("load").orElseThrow();
    private final RunEntity run = new RunEntity(UUID.randomUUID(), "w", "w", RunStatus.RUNNING, Map.of("a", 1),
            Map.of(), "load", null, NOW);
    private final StepRunEntity row = new StepRunEntity(UUID.randomUUID(), run.getId(), "load", StepStatus.RUNNING,
            Map.of("a", 1), Map.of(), NOW);
    private final StepAttemptEntity attempt = new StepAttemptEntity(UUID.randomUUID(), row.getId(), 2,
            AttemptStatus.RUNNING, "delivery-1", NOW.plusSeconds(3));

    @Test
    void aRetriedBatchStepsClaimCarriesItsExecutionAndItsLastFailureTyped() {
        StepResume.Batch launched = new StepResume.Batch("import", 7L, "node-id", "node-a");
        row.setResume(launched.json());
        row.setLastError(Map.of("message", "job failed", "execution_id", 6L));

        Claim claim = Claim.of(run, workflow, step, row, attempt, Map.of("a", 1, "b", 2));

        assertEquals(launched, claim.resume());
        assertEquals(Map.of("message", "job failed", "execution_id", 6L), claim.lastError().json());
        assertEquals(run.getId(), claim.runId());
        assertEquals(row.getId(), claim.stepRunId());
        assertEquals(attempt.getId(), claim.attemptId());
        assertEquals(2, claim.attemptNumber());
        assertEquals(NOW.plusSeconds(3), claim.attemptStartedAt(), "the attempt's start, not the row's");
        assertEquals(Map.of("a", 1), claim.input());
        assertEquals(Map.of("a", 1, "b", 2), claim.state());
    }

    @Test
    void aRowThatWaitsOnNothingAndNeverFailedGivesNeither() {
        Claim claim = Claim.of(run, workflow, step, row, attempt, Map.of());

        assertNull(claim.resume());
        assertNull(claim.lastError());
    }

    public static final class Noop implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }
}
