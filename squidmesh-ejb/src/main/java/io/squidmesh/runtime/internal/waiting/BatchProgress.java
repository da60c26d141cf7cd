package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.DispatchException;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.delivery.Claim;
import io.squidmesh.runtime.internal.delivery.ClaimFence;
import io.squidmesh.runtime.internal.delivery.StepLogContext;
import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a look at a batch step's job changes ({@link BatchSteps} takes the look, outside a transaction; this applies
 * it in the delivery's): a launched job is remembered on the step row with the node it runs in, and the step is
 * looked at again later, less often the longer the job runs. The attempt stays running without a lease between
 * looks; a run cancelled meanwhile ends the step and is cancelled. A finished job's result is applied as any step's
 * outcome ({@code StepApplier}).
 */
@ApplicationScoped
@InCallersTransaction
public class BatchProgress {

    private static final Logger LOG = Logger.getLogger(BatchProgress.class.getName());

    @Inject
    RunStore runs;

    @Inject
    ClaimFence fence;

    @Inject
    RunTransitions transitions;

    @Inject
    Dispatcher dispatcher;

    @Inject
    NodeRegistry nodes;

    /** The job was launched: remember its execution and come back to look at it. */
    public boolean started(Claim claim, long executionId) {
        RunEntity run = runs.lock(claim.runId());
        Optional<StepRunEntity> row = waitingRow(run, claim);
        if (row.isEmpty()) {
            return false;
        }
        // the job runs inside this JVM: whoever looks at it later must know whose it is
        row.get().setResume(new StepResume.Batch(claim.step().job(), executionId, nodes.id().toString(), nodes.name())
                .json());
        row.get().setUpdatedAt(Clocks.now());
        lookAgain(run, claim, Duration.ofSeconds(1));
        return true;
    }

    /** The job still runs: look again later, less often the longer it runs. */
    public boolean stillRunning(Claim claim) {
        RunEntity run = runs.lock(claim.runId());
        if (waitingRow(run, claim).isEmpty()) {
            return false;
        }
        long waited = Duration.between(claim.attemptStartedAt(), Clocks.now()).toSeconds();
        lookAgain(run, claim, Duration.ofSeconds(Math.min(30, 1 + waited / 10)));
        return true;
    }

    /**
     * The step's row if the run still waits for it and this look's claim holds; the attempt's lease is released
     * (the job runs without anyone watching it until the next look). A cancelling run is settled.
     */
    private Optional<StepRunEntity> waitingRow(RunEntity run, Claim claim) {
        Optional<ClaimFence.Held> held = fence.held(claim);
        if (held.isEmpty()) {
            LOG.warning(() -> "late batch look ignored (stale_attempt) " + StepLogContext.describe(claim));
            return Optional.empty();
        }
        StepRunEntity row = held.get().row();
        RunStatus status = run.getStatus();
        if (status == RunStatus.CANCELLING) {
            row.failWithAttempt(held.get().attempt(), new RuntimeError.CancelledDuringBatch().json(), Clocks.now());
            transitions.moveTo(run, RunStatus.CANCELLED, null);
            return Optional.empty();
        }
        held.get().attempt().releaseLease();
        return status.isTerminal() ? Optional.empty() : Optional.of(row);
    }

    private void lookAgain(RunEntity run, Claim claim, Duration delay) {
        try {
            dispatcher.enqueueStep(run, claim.stepName(), delay);
        } catch (DispatchException e) {
            transitions.fail(run, claim.stepName(), new RuntimeError.NextStepNotQueued(claim.stepName(), e.reason()));
        }
    }
}
