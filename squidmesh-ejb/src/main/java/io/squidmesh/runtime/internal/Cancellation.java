package io.squidmesh.runtime.internal;

import io.squidmesh.InvalidTransitionException;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
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
 * dispatching anything more.
 */
@ApplicationScoped
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
            case RUNNING, RETRYING -> transitions.moveTo(run, RunStatus.CANCELLING, null);
            case PAUSED -> {
                failPausedStep(run);
                transitions.moveTo(run, RunStatus.CANCELLED, null);
            }
            default -> throw new InvalidTransitionException(runId.toString(), status.value(),
                    RunStatus.CANCELLING.value());
        }
        return run;
    }

    private void failPausedStep(RunEntity run) {
        if (run.getCurrentStep() == null) {
            return;
        }
        StepRunEntity row = stepRuns.find(run.getId(), run.getCurrentStep());
        if (row == null || !row.isRunning()) {
            return;
        }
        Instant now = Clocks.now();
        Map<String, Object> error = ManualSteps.cancelledWhilePaused();
        StepAttemptEntity attempt = attempts.latest(row.getId());
        Instant startedAt = row.getInsertedAt();
        int number = 1;
        if (attempt != null && attempt.isRunning()) {
            attempt.finish(AttemptStatus.FAILED, error, now);
            startedAt = attempt.getInsertedAt();
            number = attempt.getAttemptNumber();
        }
        row.fail(error, now);
        telemetry.stepFailed(run, row.getStep(), number, Duration.between(startedAt, now).toNanos(), error);
    }
}
