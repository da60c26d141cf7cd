package io.squidmesh.runtime.internal;

import io.squidmesh.persistence.DatabaseFailures;
import io.squidmesh.runtime.DeliveryDeferredException;
import io.squidmesh.tracing.Tracing;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One step delivery, end to end (SPEC §6.5), in three transactions so that none stays open while a step runs:
 * <ol>
 *   <li>claim it under the run's lock and a lease of this node, and commit ({@link StepPreparation});</li>
 *   <li>run the step outside any transaction (a transactional step: in its own, with its success recorded);</li>
 *   <li>apply the outcome and queue what follows, in a new transaction ({@link StepOutcomes}).</li>
 * </ol>
 * The lease is renewed while the step runs ({@link NodeRegistry}) and released when this delivery ends, whatever
 * happened; a claim left behind by a delivery that gave up is taken over by the next one.
 * <p>
 * Applying is retried here for a while ({@value #APPLY_PATIENCE_SECONDS} s) when the database is unreachable for
 * the moment, so a short outage does not make a step that already ran run again. A result the database refuses to store (SQL state class 22) is applied as
 * a terminal failure of the step instead, never retried.
 */
@ApplicationScoped
public class StepDelivery {

    private static final Logger LOG = Logger.getLogger(StepDelivery.class.getName());
    /** How long applying a result is retried before the delivery gives up (and the message is delivered again). */
    static final long APPLY_PATIENCE_SECONDS = 30;
    static final Duration APPLY_PATIENCE = Duration.ofSeconds(APPLY_PATIENCE_SECONDS);

    @Inject
    StepPreparation preparation;

    @Inject
    StepInvoker invoker;

    @Inject
    StepOutcomes outcomes;

    @Inject
    Leases leases;

    @Inject
    Tracing tracing;

    public void deliver(UUID runId, String step, String deliveryId) {
        Prepared prepared;
        leases.beginClaim();
        try {
            prepared = preparation.prepare(runId, step, deliveryId);
        } catch (RuntimeException e) {
            leases.endClaim(true);
            throw e;
        }
        leases.endClaim(false);
        if (prepared instanceof Prepared.Deferred deferred) {
            throw new DeliveryDeferredException(deferred.reason(), deferred.message());
        }
        if (prepared instanceof Prepared.Reconcile) {
            outcomes.reconcile(runId, step);
            return;
        }
        if (prepared instanceof Prepared.Execute execute) {
            Claim claim = execute.claim();
            try (Tracing.Span span = tracing.attempt(runId, claim.workflow().name(), step, claim.attemptNumber())) {
                ExecutionOutcome outcome = execute(claim);
                span.outcome(outcome.label(), outcome instanceof ExecutionOutcome.Failed);
            } finally {
                leases.releaseAttempt(claim.attemptId());
            }
        }
    }

    private ExecutionOutcome execute(Claim claim) {
        long started = System.nanoTime();
        ExecutionOutcome outcome;
        if (claim.step().transactional()) {
            try {
                outcome = invoker.executeAndApply(claim, started);
            } catch (EJBException e) {
                if (DatabaseFailures.isUnavailable(e)) {
                    // the database went away under the commit (a restart, a lost connection): the step's writes
                    // rolled back with it, and that is no failure of the step. The delivery fails and comes again;
                    // it finds this attempt abandoned and runs a new one, whatever the retry policy says (G3, G4)
                    LOG.warning(() -> "transactional step could not commit, the database is unavailable; "
                            + "delivering it again " + StepLogContext.describe(claim) + ": " + e.getMessage());
                    throw e;
                }
                // the step succeeded but its transaction could not commit: its writes are gone. A value the
                // database refuses fails the step for good; anything else (a deadlock, a lost connection) is what
                // the retry policy is for
                outcome = new ExecutionOutcome.Failed(DatabaseFailures.refusedByDatabase(e)
                        ? notStorable(claim, e) : StepError.commitFailed(e));
            }
            if (outcome instanceof ExecutionOutcome.Failed failed && failed.thrown() != null
                    && DatabaseFailures.isUnavailable(failed.thrown())) {
                // the step's own work met a database that went away (a restart during the step: its transaction
                // rolled back): no failure of the step either. Delivered again, as for the commit above
                LOG.warning(() -> "transactional step met an unavailable database; delivering it again "
                        + StepLogContext.describe(claim) + ": " + failed.thrown());
                throw new IllegalStateException("transactional step " + claim.stepName()
                        + " met an unavailable database", failed.thrown());
            }
        } else {
            outcome = invoker.execute(claim);
        }
        return apply(claim, outcome, System.nanoTime() - started);
    }

    /** Applies the outcome and returns what was applied (a refused output becomes a failure). */
    private ExecutionOutcome apply(Claim claim, ExecutionOutcome outcome, long durationNanos) {
        long deadline = System.nanoTime() + APPLY_PATIENCE.toNanos();
        long pauseMillis = 100;
        ExecutionOutcome toApply = outcome;
        while (true) {
            try {
                outcomes.apply(claim, toApply, durationNanos);
                return toApply;
            } catch (RuntimeException e) {
                if (DatabaseFailures.refusedByDatabase(e) && toApply instanceof ExecutionOutcome.Succeeded) {
                    toApply = new ExecutionOutcome.Failed(notStorable(claim, e));
                    continue;
                }
                if (!DatabaseFailures.isTransient(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                long pause = pauseMillis;
                LOG.warning(() -> "cannot record the outcome of " + StepLogContext.describe(claim) + " ("
                        + DatabaseFailures.refusal(e) + "); trying again in " + pause + " ms");
                sleep(pause);
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    private static StepError notStorable(Claim claim, Throwable failure) {
        StepError error = StepError.refused("step output cannot be stored: the database refused it: "
                + DatabaseFailures.refusal(failure), "reason", "output_not_storable");
        LOG.warning(() -> "output of " + StepLogContext.describe(claim) + " refused by the database: "
                + DatabaseFailures.refusal(failure));
        return error;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
