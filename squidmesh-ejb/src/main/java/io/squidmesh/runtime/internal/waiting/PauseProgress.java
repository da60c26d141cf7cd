package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.delivery.Claim;
import io.squidmesh.runtime.internal.delivery.ClaimFence;
import io.squidmesh.runtime.internal.delivery.StepLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A pause or approval step came due (SPEC §6.8): its attempt stays running, without a lease, the step row keeps
 * what it resumes to ({@link ManualSteps#resumeMetadata}) and the run waits for an operator ({@code ManualActions}).
 * A run cancelled or ended meanwhile ends the step instead. A claim taken over meanwhile changes nothing, so a late
 * pause never re-pauses a run that an operator already moved on.
 */
@ApplicationScoped
@InCallersTransaction
public class PauseProgress {

    private static final Logger LOG = Logger.getLogger(PauseProgress.class.getName());

    @Inject
    RunStore runs;

    @Inject
    ClaimFence fence;

    @Inject
    RunTransitions transitions;

    @Inject
    Telemetry telemetry;

    /** @return false when the claim was no longer current: nothing was written */
    public boolean paused(Claim claim) {
        RunEntity run = runs.lock(claim.runId());
        Instant now = Clocks.now();
        Optional<ClaimFence.Held> held = fence.held(claim).filter(h -> h.row().isRunning());
        if (held.isEmpty()) {
            LOG.warning(() -> "late pause ignored (stale_attempt) " + StepLogContext.describe(claim));
            return false;
        }
        StepAttemptEntity attempt = held.get().attempt();
        StepRunEntity row = held.get().row();
        RunStatus status = run.getStatus();
        if (status == RunStatus.CANCELLING || status.isTerminal()) {
            Map<String, Object> error = status == RunStatus.CANCELLING || status == RunStatus.CANCELLED
                    ? new RuntimeError.CancelledWhilePaused().json()
                    : new RuntimeError.EndedBeforePause(status.value()).json();
            row.failWithAttempt(attempt, error, now);
            telemetry.stepFailed(run, claim.stepName(), claim.attemptNumber(),
                    Duration.between(claim.attemptStartedAt(), now).toNanos(), error);
            if (status == RunStatus.CANCELLING) {
                transitions.moveTo(run, RunStatus.CANCELLED, null);
            }
            return true;
        }
        attempt.releaseLease(); // nothing executes while an operator decides
        row.setResume(ManualSteps.resumeMetadata(claim.workflow(), claim.step()).json());
        row.setUpdatedAt(now);
        transitions.moveTo(run, RunStatus.PAUSED, claim.stepName());
        run.setLastError(null);
        return true;
    }
}
