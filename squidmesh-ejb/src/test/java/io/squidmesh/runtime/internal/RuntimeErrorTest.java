package io.squidmesh.runtime.internal;

import io.squidmesh.runtime.internal.recovery.ClaimLiveness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last_error shapes the runtime writes (SPEC §6.19), one row per situation, keys in the stored order. */
class RuntimeErrorTest {

    private static final Map<String, Object> REFUSAL = Map.of("code", "executor_unavailable");

    @Test
    void aNextStepThatCouldNotBeQueuedNamesTheStepAndTheRefusal() {
        assertShape(new RuntimeError.NextStepNotQueued("charge", REFUSAL),
                List.of("message", "next_step", "cause"),
                Map.of("message", RuntimeError.DISPATCH_FAILED, "next_step", "charge", "cause", REFUSAL));
    }

    @Test
    void anErrorRouteThatCouldNotBeQueuedCallsTheRefusalTheDispatchReason() {
        assertShape(new RuntimeError.RouteNotQueued("refund", REFUSAL),
                List.of("message", "next_step", "dispatch_reason"),
                Map.of("message", RuntimeError.DISPATCH_FAILED, "next_step", "refund", "dispatch_reason", REFUSAL));
    }

    @Test
    void readyStepsThatCouldNotBeQueuedAreListed() {
        assertShape(new RuntimeError.ReadyStepsNotQueued(List.of("b", "c"), REFUSAL),
                List.of("message", "next_steps", "dispatch_reason"),
                Map.of("message", RuntimeError.DISPATCH_FAILED, "next_steps", List.of("b", "c"),
                        "dispatch_reason", REFUSAL));
    }

    @Test
    void aRetryThatCouldNotBeQueuedKeepsWhatTheStepFailedWith() {
        Map<String, Object> stepError = Map.of("message", "card declined");
        assertShape(new RuntimeError.RetryNotQueued("charge", stepError, REFUSAL),
                List.of("message", "failed_step", "cause", "dispatch_reason"),
                Map.of("message", RuntimeError.DISPATCH_FAILED, "failed_step", "charge", "cause", stepError,
                        "dispatch_reason", REFUSAL));
    }

    @Test
    void aStepWithoutAnOkTransitionSaysFromWhereAndWhichOutcome() {
        assertShape(new RuntimeError.NoTransition("load"),
                List.of("message", "failed_step", "cause"),
                Map.of("message", "workflow step completed but next step resolution failed", "failed_step", "load",
                        "cause", Map.of("from_step", "load", "outcome", "ok")));
    }

    @Test
    void aStuckDependencyRunListsThePendingSteps() {
        assertShape(new RuntimeError.NoRunnableStep("a", List.of("d")),
                List.of("message", "failed_step", "pending_steps"),
                Map.of("message", "workflow step completed but no runnable next step was found", "failed_step", "a",
                        "pending_steps", List.of("d")));
    }

    @Test
    void anOverrunDeadlineGivesItsReasonAndTheDeadline() {
        Instant deadline = Instant.parse("2026-12-08T01:00:00Z");
        assertShape(new RuntimeError.DeadlineExceeded(deadline),
                List.of("message", "reason", "deadline_at"),
                Map.of("message", "run did not end by its deadline 2026-12-08T01:00:00Z",
                        "reason", "run_deadline_exceeded", "deadline_at", "2026-12-08T01:00:00Z"));
    }

    @Test
    void aPauseThatCameDueAfterTheRunEndedNamesTheRunsStatus() {
        assertShape(new RuntimeError.EndedBeforePause("completed"), List.of("message", "status"),
                Map.of("message", "run already finalized before pause progression", "status", "completed"));
    }

    @Test
    void aBatchJobOutlivedByItsRunsCancellationSaysSo() {
        assertShape(new RuntimeError.CancelledDuringBatch(), List.of("message", "reason"),
                Map.of("message", "run cancelled while its batch job ran", "reason", "cancelled"));
    }

    @Test
    void aTakenOverAttemptSaysWhyAndWhoseLeaseItWas() {
        UUID node = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        Instant until = Instant.parse("2026-12-08T01:00:30Z");
        assertShape(new RuntimeError.TakenOver(ClaimLiveness.Verdict.EXPIRED, node, until),
                List.of("message", "reason", "lease_node", "lease_until"),
                Map.of("message", "step attempt taken over: its lease expired without renewal", "reason", "lease_expired",
                        "lease_node", node.toString(), "lease_until", "2026-12-08T01:00:30Z"));
        assertShape(new RuntimeError.TakenOver(ClaimLiveness.Verdict.NODE_GONE, null, null), List.of("message", "reason"),
                Map.of("message", "step attempt taken over: the node that ran it is gone", "reason", "node_gone"));
        assertShape(new RuntimeError.TakenOver(ClaimLiveness.Verdict.ABANDONED, null, null), List.of("message", "reason"),
                Map.of("message", "step attempt taken over: the delivery that ran it ended without recording a result",
                        "reason", "attempt_abandoned"));
    }

    @Test
    void aCancellationEndsEachKindOfWaitWithItsOwnMessage() {
        UUID child = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
        assertShape(new RuntimeError.CancelledWhilePaused(), List.of("message", "reason"),
                Map.of("message", "run cancelled while paused", "reason", "cancelled"));
        assertShape(new RuntimeError.CancelledAwaitingEvent("payment_confirmed"), List.of("message", "reason"),
                Map.of("message", "run cancelled while waiting for event payment_confirmed", "reason", "cancelled"));
        assertShape(new RuntimeError.CancelledAwaitingChild(child), List.of("message", "reason", "child_run_id"),
                Map.of("message", "run cancelled while waiting for child run " + child, "reason", "cancelled",
                        "child_run_id", child.toString()));
    }

    @Test
    void asAStepsFailureItIsKeptWholeAndRetryable() {
        StepError error = new RuntimeError.NextStepNotQueued("wait_for_payment", REFUSAL).asStepError();
        assertEquals(new RuntimeError.NextStepNotQueued("wait_for_payment", REFUSAL).json(), error.json());
        assertTrue(error.retryable(), "no retryable? key: the step's retry policy decides");
    }

    private static void assertShape(RuntimeError error, List<String> keys, Map<String, Object> json) {
        assertEquals(keys, new ArrayList<>(error.json().keySet()), "stored key order");
        assertEquals(json, error.json());
    }
}
