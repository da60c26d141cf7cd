package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.runtime.internal.waiting.BatchProgress;
import io.squidmesh.runtime.internal.waiting.PauseProgress;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * Applies what an attempt produced, each in a transaction of its own that locks the run, checks that the claim
 * is still current, writes the rows and queues what follows (DESIGN G1, G2).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StepOutcomes {

    @Inject
    StepApplier applier;

    @Inject
    StepPreparation preparation;

    @Inject
    Continuations continuations;

    @Inject
    BatchProgress batches;

    @Inject
    PauseProgress pauses;

    /**
     * Applies the outcome; when that handed the run's next step to the delivering thread ({@link Continuations}),
     * claims it in the same transaction, so its attempt and lease commit with the outcome and the step needs no
     * transaction of its own to start.
     *
     * @return false when the claim was no longer current: nothing was written
     */
    public boolean apply(Claim claim, ExecutionOutcome outcome, long durationNanos) {
        boolean applied = applyOutcome(claim, outcome, durationNanos);
        // under a concurrency limit the slot this step frees was just handed on to the longest-waiting step
        // (Slots): the next step claims its own in a transaction of its own, queued behind it like any other
        Optional<Continuations.Handed> handed = continuations.taken();
        if (handed.isPresent() && claim.workflow().concurrency() == 0) {
            continuations.claimed(preparation.prepareInCallersTransaction(claim.runId(), handed.get().step(),
                    handed.get().deliveryId()));
        }
        return applied;
    }

    private boolean applyOutcome(Claim claim, ExecutionOutcome outcome, long durationNanos) {
        if (outcome instanceof ExecutionOutcome.Succeeded success) {
            return applier.applySuccess(claim, success.output(), success.scheduleIn(), durationNanos);
        }
        if (outcome instanceof ExecutionOutcome.Failed failure) {
            return applier.applyFailure(claim, failure.error().storable(), durationNanos);
        }
        if (outcome instanceof ExecutionOutcome.Paused) {
            return pauses.paused(claim);
        }
        if (outcome instanceof ExecutionOutcome.BatchStarted launched) {
            return batches.started(claim, launched.executionId());
        }
        if (outcome instanceof ExecutionOutcome.StillRunning) {
            return batches.stillRunning(claim);
        }
        return true; // Applied and Stale were settled by the step's own transaction
    }

    public void reconcile(UUID runId, String step) {
        applier.reconcile(runId, step);
    }

    /** Queues a step that was handed to the delivering thread, which could not deliver it. */
    public void handOff(UUID runId, String step) {
        applier.handOff(runId, step);
    }
}
