package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step timeouts: the fence on late results, and the attempt's lease that never reaches past its deadline. */
class StepTimeoutsTest {

    private static final Instant STARTED = Instant.parse("2026-12-07T10:00:00Z");

    static final class Noop implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }

    private static Claim claim(Duration timeout) {
        Workflow workflow = workflow("w").trigger(manual("w"))
                .step("call", Noop.class, s -> {
                    if (timeout != null) {
                        s.timeout(timeout);
                    }
                })
                .transition("call", OK, COMPLETE).build();
        return new Claim(UUID.randomUUID(), workflow, workflow.step("call").orElseThrow(), UUID.randomUUID(),
                UUID.randomUUID(), 1, Map.of(), Map.of(), STARTED, null, null);
    }

    @Test
    void aResultBeforeTheDeadlineStandsOneAtOrAfterItIsAStepTimeout() {
        ExecutionOutcome ok = ExecutionOutcome.Succeeded.now(Map.of("x", 1));
        Claim claim = claim(Duration.ofSeconds(2));

        assertSame(ok, StepInvoker.fenced(claim, ok, STARTED.plusMillis(1999)));
        for (Instant late : new Instant[] {STARTED.plusSeconds(2), STARTED.plusSeconds(60)}) {
            ExecutionOutcome fenced = StepInvoker.fenced(claim, ok, late);
            assertTrue(fenced instanceof ExecutionOutcome.Failed, fenced::toString);
            StepError error = ((ExecutionOutcome.Failed) fenced).error();
            assertEquals("step_timeout", error.json().get("reason"));
            assertEquals(2000L, error.json().get("timeout_ms"));
            assertEquals(true, error.json().get(StepError.RETRYABLE));
            assertTrue(error.retryable(), "the retry policy applies to a timeout");
        }
        ExecutionOutcome thrown = new ExecutionOutcome.Failed(StepError.of("interrupted"));
        assertEquals("step_timeout", ((ExecutionOutcome.Failed) StepInvoker.fenced(claim, thrown,
                STARTED.plusSeconds(3))).error().json().get("reason"), "an interrupted step's own failure is the timeout");
    }

    @Test
    void aStepWithoutATimeoutIsNeverFenced() {
        ExecutionOutcome ok = ExecutionOutcome.Succeeded.now(Map.of());
        assertSame(ok, StepInvoker.fenced(claim(null), ok, STARTED.plus(Duration.ofDays(1))));
    }

    @Test
    void theLeaseNeverReachesPastTheDeadline() {
        UUID node = UUID.randomUUID();
        StepAttemptEntity attempt = new StepAttemptEntity(UUID.randomUUID(), UUID.randomUUID(), 1,
                AttemptStatus.RUNNING, "d-1", STARTED);
        attempt.mustEndBy(STARTED.plusSeconds(5));
        attempt.lease(node, STARTED.plusSeconds(30));
        assertEquals(STARTED.plusSeconds(5), attempt.getLeaseUntil());
        attempt.lease(node, STARTED.plusSeconds(3));
        assertEquals(STARTED.plusSeconds(3), attempt.getLeaseUntil());

        assertFalse(attempt.overran(STARTED.plusMillis(4999)));
        assertTrue(attempt.overran(STARTED.plusSeconds(5)));
        attempt.finish(AttemptStatus.FAILED, Map.of(), STARTED.plusSeconds(6));
        assertFalse(attempt.overran(STARTED.plusSeconds(7)), "an attempt that ended overran nothing");

        StepAttemptEntity unbounded = new StepAttemptEntity(UUID.randomUUID(), UUID.randomUUID(), 1,
                AttemptStatus.RUNNING, "d-2", STARTED);
        unbounded.lease(node, STARTED.plusSeconds(30));
        assertEquals(STARTED.plusSeconds(30), unbounded.getLeaseUntil());
        assertFalse(unbounded.overran(STARTED.plus(Duration.ofDays(1))));
    }
}
