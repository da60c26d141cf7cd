package io.squidmesh.runtime.internal;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * One step delivery, end to end (SPEC §6.5): claim it in a transaction of its own, run the step outside any
 * transaction (or inside its own, for a transactional step), then apply the outcome in the delivery's
 * transaction.
 */
@ApplicationScoped
public class StepDelivery {

    @Inject
    StepPreparation preparation;

    @Inject
    StepInvoker invoker;

    @Inject
    StepApplier applier;

    public void deliver(UUID runId, String step, String deliveryId) {
        Prepared prepared = preparation.prepare(runId, step, deliveryId);
        if (prepared instanceof Prepared.Reconcile) {
            applier.reconcile(runId, step);
            return;
        }
        if (!(prepared instanceof Prepared.Execute execute)) {
            return;
        }
        Claim claim = execute.claim();
        long started = System.nanoTime();
        ExecutionOutcome outcome;
        if (claim.step().transactional()) {
            try {
                outcome = invoker.executeAndApply(claim, started);
            } catch (EJBException e) {
                // the step succeeded but its transaction could not commit (a deadlock, a lost connection...):
                // its writes are gone, and trying again is the point of the retry policy
                outcome = new ExecutionOutcome.Failed(StepErrors.commitFailed(e));
            }
        } else {
            outcome = invoker.execute(claim);
        }
        long duration = System.nanoTime() - started;
        if (outcome instanceof ExecutionOutcome.Succeeded success) {
            applier.applySuccess(claim, success.output(), success.scheduleInSeconds(), duration);
        } else if (outcome instanceof ExecutionOutcome.Failed failure) {
            applier.applyFailure(claim, failure.error(), duration);
        } else if (outcome instanceof ExecutionOutcome.Paused) {
            applier.applyPause(claim);
        } else if (outcome instanceof ExecutionOutcome.BatchStarted launched) {
            applier.applyBatchStarted(claim, launched.executionId());
        } else if (outcome instanceof ExecutionOutcome.StillRunning) {
            applier.applyStillRunning(claim);
        }
    }
}
