package io.squidmesh.runtime.internal.operator;

import io.squidmesh.InvalidTransitionException;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.waiting.ChildRuns;
import io.squidmesh.runtime.internal.waiting.EventWaits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Cancels runs (SPEC §6.10), deciding under the run lock: pending and paused runs end at once (a paused
 * step and its attempt fail with "run cancelled while paused"); running and retrying runs become
 * {@code cancelling}, and whatever delivery comes next settles them as {@code cancelled} without
 * dispatching anything more. A run waiting for an external event or a child run has no delivery coming: its
 * waiting step fails ("run cancelled while waiting for ..."), a child run it waits for is cancelled too, and it
 * goes through {@code cancelling} to {@code cancelled} at once.
 */
@ApplicationScoped
@InCallersTransaction
public class Cancellation {

    @Inject
    RunStore runs;

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    @Inject
    RunTransitions transitions;

    @Inject
    Telemetry telemetry;

    public RunEntity cancel(UUID runId) {
        RunEntity run = runs.lock(runId);
        if (run == null) {
            throw new RunNotFoundException(runId.toString());
        }
        RunStatus status = run.getStatus();
        switch (status) {
            case PENDING -> transitions.moveTo(run, RunStatus.CANCELLED, null);
            case RUNNING, RETRYING -> {
                boolean currentWaited = failOutsideWaits(run);
                transitions.moveTo(run, RunStatus.CANCELLING, null);
                if (currentWaited) {
                    // the run waited for an event and nothing else: no delivery will come to settle it
                    transitions.moveTo(run, RunStatus.CANCELLED, null);
                }
            }
            case PAUSED -> {
                failPausedStep(run);
                transitions.moveTo(run, RunStatus.CANCELLED, null);
            }
            default -> throw new InvalidTransitionException(runId.toString(), status.value(),
                    RunStatus.CANCELLING.value());
        }
        return run;
    }

    /**
     * Fails the steps that wait for something outside the run, an event or a child run (they hold no lease and
     * nothing executes them); a child run waited for is cancelled with its parent.
     *
     * @return whether the run's current step was one of them (transition mode: nothing else is under way); in
     *         dependency mode the run becomes cancelling and the watchdog settles it once no sibling executes
     */
    private boolean failOutsideWaits(RunEntity run) {
        boolean current = false;
        boolean any = false;
        for (StepRunEntity row : stepRuns.forRun(run.getId())) {
            String event = EventWaits.awaited(row);
            UUID child = ChildRuns.awaited(row);
            if (event != null) {
                failWaitingStep(run, row, new RuntimeError.CancelledAwaitingEvent(event));
            } else if (child != null) {
                cancelChild(child);
                failWaitingStep(run, row, new RuntimeError.CancelledAwaitingChild(child));
            } else {
                continue;
            }
            current |= row.getStep().equals(run.getCurrentStep());
            any = true;
        }
        if (any && !current) {
            run.expectProgressBy(Clocks.now());
        }
        return current;
    }

    /** Cancels a child run its parent waited for, unless it ended or is being cancelled already. */
    private void cancelChild(UUID childId) {
        RunEntity child = runs.find(childId);
        if (child != null && !child.getStatus().isTerminal() && child.getStatus() != RunStatus.CANCELLING) {
            cancel(childId);
        }
    }

    private void failPausedStep(RunEntity run) {
        if (run.getCurrentStep() == null) {
            return;
        }
        StepRunEntity row = stepRuns.find(run.getId(), run.getCurrentStep());
        if (row == null || !row.isRunning()) {
            return;
        }
        failWaitingStep(run, row, new RuntimeError.CancelledWhilePaused());
    }

    /** Fails a step that waits (for an operator, or for an event) and its running attempt. */
    private void failWaitingStep(RunEntity run, StepRunEntity row, RuntimeError cancelled) {
        Map<String, Object> error = cancelled.json();
        Instant now = Clocks.now();
        StepAttemptEntity attempt = attempts.latest(row.getId());
        Instant startedAt = row.getInsertedAt();
        int number = 1;
        if (row.failWithAttempt(attempt, error, now)) {
            startedAt = attempt.getInsertedAt();
            number = attempt.getAttemptNumber();
        }
        telemetry.stepFailed(run, row.getStep(), number, Duration.between(startedAt, now).toNanos(), error);
    }
}
