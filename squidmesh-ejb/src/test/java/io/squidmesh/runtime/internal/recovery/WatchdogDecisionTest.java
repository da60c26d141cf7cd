package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.recovery.ClaimLiveness.Verdict;
import io.squidmesh.runtime.internal.recovery.WatchdogDecision.Action;
import io.squidmesh.runtime.internal.recovery.WatchdogDecision.RunSnapshot;
import io.squidmesh.runtime.internal.recovery.WatchdogDecision.StepSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the watchdog re-queues for a run that should have moved, one case per rule. */
class WatchdogDecisionTest {

    private static RunSnapshot transition(RunStatus status, String current, StepSnapshot... steps) {
        return new RunSnapshot(status, false, current, List.of(steps), false, null);
    }

    private static RunSnapshot dependencies(RunStatus status, StepSnapshot... steps) {
        return new RunSnapshot(status, true, null, List.of(steps), false, null);
    }

    private static StepSnapshot row(String step, String status, Verdict attempt) {
        return new StepSnapshot(step, StepStatus.of(status), attempt);
    }

    @Test
    void settledAndPausedRunsExpectNothing() {
        for (RunStatus status : List.of(RunStatus.PAUSED, RunStatus.COMPLETED, RunStatus.CANCELLED)) {
            assertEquals(new Action.Nothing(), WatchdogDecision.decide(transition(status, "a",
                    row("a", "running", Verdict.RELEASED))), status.value());
        }
    }

    @Test
    void aTransitionRunWhoseCurrentStepWasNeverClaimedIsRequeued() {
        assertEquals(new Action.Requeue(List.of("b"), false), WatchdogDecision.decide(transition(RunStatus.RUNNING, "b",
                row("a", "completed", null))));
        assertEquals(new Action.Requeue(List.of("a"), false), WatchdogDecision.decide(transition(RunStatus.PENDING, "a")));
    }

    @Test
    void aRetryingStepIsRequeued() {
        assertEquals(new Action.Requeue(List.of("a"), false), WatchdogDecision.decide(transition(RunStatus.RETRYING, "a",
                row("a", "failed", null))));
    }

    @Test
    void aStepWaitingForAnEventInTimeIsLeftAloneOnceItsTimeoutPassedItIsRequeued() {
        StepSnapshot waiting = new StepSnapshot("a", StepStatus.RUNNING, Verdict.RELEASED, true);
        StepSnapshot overdue = new StepSnapshot("a", StepStatus.RUNNING, Verdict.RELEASED, false);
        assertEquals(new Action.Nothing(), WatchdogDecision.decide(transition(RunStatus.RUNNING, "a", waiting)));
        assertEquals(new Action.Nothing(), WatchdogDecision.decide(dependencies(RunStatus.RUNNING, waiting)));
        assertEquals(new Action.Requeue(List.of("a"), false),
                WatchdogDecision.decide(transition(RunStatus.RUNNING, "a", overdue)));
        assertEquals(new Action.Requeue(List.of("a"), false),
                WatchdogDecision.decide(dependencies(RunStatus.RUNNING, overdue)));
        // a cancelling run whose only step waits for an event has nothing executing: it is settled
        assertEquals(new Action.Settle(), WatchdogDecision.decide(dependencies(RunStatus.CANCELLING, waiting)));
    }

    @Test
    void aStepExecutingUnderALiveLeaseIsLeftAlone() {
        assertEquals(new Action.Nothing(), WatchdogDecision.decide(transition(RunStatus.RUNNING, "a",
                row("a", "running", Verdict.LIVE))));
    }

    @Test
    void aStepWhoseLeaseLapsedOrWhoseNodeIsGoneIsRequeuedForATakeover() {
        for (Verdict verdict : List.of(Verdict.EXPIRED, Verdict.NODE_GONE, Verdict.ABANDONED, Verdict.RELEASED)) {
            assertEquals(new Action.Requeue(List.of("a"), false), WatchdogDecision.decide(transition(RunStatus.RUNNING,
                    "a", row("a", "running", verdict))), verdict.name());
        }
    }

    @Test
    void aCompletedCurrentStepIsRequeuedSoThatItsDeliveryReconciles() {
        assertEquals(new Action.Requeue(List.of("a"), false), WatchdogDecision.decide(transition(RunStatus.RUNNING, "a",
                row("a", "completed", null))));
    }

    @Test
    void dependencyModeRequeuesEveryScheduledRetryingOrAbandonedStepButNotLiveOrCompletedOnes() {
        Action action = WatchdogDecision.decide(dependencies(RunStatus.RUNNING,
                row("root_a", "completed", null), row("root_b", "running", Verdict.LIVE),
                row("root_c", "pending", null), row("root_d", "failed", null), row("root_e", "running", Verdict.EXPIRED)));
        assertEquals(new Action.Requeue(List.of("root_c", "root_d", "root_e"), false), action);
    }

    @Test
    void dependencyModeWithOnlyLiveWorkExpectsNothing() {
        assertEquals(new Action.Nothing(), WatchdogDecision.decide(dependencies(RunStatus.RUNNING,
                row("root_a", "completed", null), row("join", "running", Verdict.LIVE))));
    }

    @Test
    void aCancellingRunWithNothingLiveIsSettledAndOneWithALiveAttemptWaitsForIt() {
        assertEquals(new Action.Settle(), WatchdogDecision.decide(transition(RunStatus.CANCELLING, null,
                row("a", "running", Verdict.NODE_GONE))));
        assertEquals(new Action.Settle(), WatchdogDecision.decide(transition(RunStatus.CANCELLING, null)));
        assertEquals(new Action.Nothing(), WatchdogDecision.decide(transition(RunStatus.CANCELLING, null,
                row("a", "running", Verdict.LIVE))));
    }

    @Test
    void aFailedRunOwingCompensationsGetsItsCompensationAgainUnlessALiveDeliveryRunsThem() {
        RunSnapshot owed = new RunSnapshot(RunStatus.FAILED, false, "c", List.of(), true, Verdict.EXPIRED);
        RunSnapshot never = new RunSnapshot(RunStatus.FAILED, false, "c", List.of(), true, Verdict.RELEASED);
        RunSnapshot running = new RunSnapshot(RunStatus.FAILED, false, "c", List.of(), true, Verdict.LIVE);
        RunSnapshot settled = new RunSnapshot(RunStatus.FAILED, false, "c", List.of(), false, Verdict.RELEASED);
        assertEquals(new Action.Requeue(List.of(), true), WatchdogDecision.decide(owed));
        assertEquals(new Action.Requeue(List.of(), true), WatchdogDecision.decide(never));
        assertEquals(new Action.Nothing(), WatchdogDecision.decide(running));
        assertEquals(new Action.Nothing(), WatchdogDecision.decide(settled));
    }
}
