package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunState;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.waiting.ChildRuns;
import io.squidmesh.runtime.internal.waiting.EventWaits;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of steps that are settled whole inside the claiming transaction, under the run's lock, and never
 * executed outside it: {@code await_event} ({@link EventWaits}) and {@code child_run} ({@link ChildRuns}). Such a
 * step waits with its attempt {@code running} and without a lease; each delivery looks again and either waits on,
 * or finishes the attempt and moves the run on as any step's outcome would ({@link StepApplier}).
 */
@ApplicationScoped
@InCallersTransaction
public class InlineSteps {

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    @Inject
    RunTransitions transitions;

    @Inject
    StepApplier applier;

    @Inject
    Telemetry telemetry;

    /**
     * The step's row (inserted, claimed or reopened for a new attempt; kept as it is while it waits) and its
     * running attempt (a new one unless one runs), with the run moved to {@code running}.
     */
    public Claim claim(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity existing, Map<String, Object> state,
                String deliveryId, Instant now) {
        StepRunEntity row = open(run, step, existing, state, now);
        RunStatus status = run.getStatus();
        if (status == RunStatus.PENDING || status == RunStatus.RETRYING) {
            transitions.moveTo(run, RunStatus.RUNNING, workflow.isDependencyMode() ? null : step.name());
        }
        StepAttemptEntity attempt = attempts.latest(row.getId());
        if (attempt == null || !attempt.isRunning()) {
            int number = attempt == null ? 1 : attempt.getAttemptNumber() + 1;
            attempt = new StepAttemptEntity(UUID.randomUUID(), row.getId(), number, AttemptStatus.RUNNING, deliveryId,
                    now);
            attempts.insert(attempt);
            telemetry.stepStarted(run, step.name(), number);
        }
        return Claim.of(run, workflow, step, row, attempt, state);
    }

    public StepRunEntity row(Claim claim) {
        return stepRuns.get(claim.stepRunId());
    }

    /** The claimed attempt completed with {@code output}: the run moves on as after any step. */
    public void complete(RunEntity run, Claim claim, Map<String, Object> output, Instant now) {
        attempts.get(claim.attemptId()).finish(AttemptStatus.COMPLETED, null, now);
        run.resetNudges();
        applier.completeStep(run, row(claim), claim, output, Duration.ZERO, waited(claim, now), now);
    }

    /** The claimed attempt failed with {@code error}: retry policy, error route or the run's failure follow. */
    public void fail(RunEntity run, Claim claim, StepError error, Instant now) {
        attempts.get(claim.attemptId()).finish(AttemptStatus.FAILED, error.json(), now);
        run.resetNudges();
        applier.failStep(run, row(claim), claim, error, waited(claim, now), now);
    }

    /** The step waits on: its row says for what; nothing is queued unless the caller queues it. */
    public void waitFor(RunEntity run, Workflow workflow, Claim claim, StepResume resume, Instant now) {
        StepRunEntity row = row(claim);
        row.setResume(resume.json());
        row.setUpdatedAt(now);
        if (!workflow.isDependencyMode()) {
            run.expectNothing(); // until the awaited thing happens, no delivery is due: the watchdog has no part
        }
    }

    private static long waited(Claim claim, Instant now) {
        return Duration.between(claim.attemptStartedAt(), now).toNanos();
    }

    private StepRunEntity open(RunEntity run, StepSpec step, StepRunEntity row, Map<String, Object> state,
                               Instant now) {
        if (row == null) {
            StepRunEntity inserted = new StepRunEntity(UUID.randomUUID(), run.getId(), step.name(), StepStatus.RUNNING,
                    RunState.input(state, step.input()), step.recoveryPolicy(), now);
            stepRuns.insert(inserted);
            return inserted;
        }
        switch (row.getStatus()) {
            case PENDING -> row.claimScheduled(now);
            case FAILED -> row.reopen(RunState.input(state, step.input()), step.recoveryPolicy(), now);
            default -> { } // running: waiting already
        }
        return row;
    }
}
