package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.persistence.DatabaseFailures;
import io.squidmesh.runtime.DeliveryDeferredException;
import io.squidmesh.runtime.internal.EngineConfig;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.recovery.Leases;
import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import io.squidmesh.tracing.Tracing;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One step delivery, end to end (SPEC §6.5), in three transactions so that none stays open while a step runs:
 * <ol>
 *   <li>claim it under the run's lock and a lease of this node, and commit ({@link StepPreparation});</li>
 *   <li>run the step outside any transaction (a transactional step: in its own, with its success recorded);</li>
 *   <li>apply the outcome and queue what follows, in a new transaction ({@link StepOutcomes}).</li>
 * </ol>
 * When what follows is the run's next step, ready at once, and the delivery's {@link ContinuationBudget} allows,
 * the third transaction claims that step for this thread instead of queuing it ({@link Continuations},
 * {@link StepOutcomes}), and the delivery goes on with it: run, apply (and claim the next), each still committed
 * on its own.
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

    @Inject
    Continuations continuations;

    @Inject
    EngineConfig config;

    public void deliver(UUID runId, String step, String deliveryId) {
        Chain chain = new Chain(config.continuation(), deliveryId, System.nanoTime());
        // the delivered step fails the delivery as it always did: the message comes again
        Optional<Continuations.Handed> next = deliverOne(runId, step, claim(runId, step, deliveryId), chain);
        while (next.isPresent()) {
            Continuations.Handed handed = next.get();
            chain.stepsRun++;
            try (Tracing.Scope ignored = tracing.delivered(handed.traceParent())) {
                Prepared claimed = handed.claim() != null ? handed.claim()
                        : claim(runId, handed.step(), handed.deliveryId()); // not claimed with its predecessor
                next = deliverOne(runId, handed.step(), claimed, chain);
            } catch (RuntimeException e) {
                // the step before it is checkpointed and its message acknowledged with this delivery: failing the
                // delivery would only bring back a step already done. Queue this one instead
                handOff(runId, handed.step(), e);
                return;
            }
        }
    }

    /** One delivery's run of steps: how many it ran, since when, and the message it began with. */
    private static final class Chain {
        private final ContinuationBudget budget;
        private final String message;
        private final long began;
        private int stepsRun = 1;

        Chain(ContinuationBudget budget, String message, long began) {
            this.budget = budget;
            this.message = message;
            this.began = began;
        }

        boolean mayContinue() {
            return budget.allowsAnother(stepsRun, Duration.ofNanos(System.nanoTime() - began));
        }

        /** The delivery id the next step's attempt records: the message's, then +1, +2... */
        String nextDeliveryId() {
            return message == null ? null : message + "+" + stepsRun;
        }
    }

    /** Claims a delivered step in a transaction of its own. */
    private Prepared claim(UUID runId, String step, String deliveryId) {
        leases.beginClaim();
        try {
            Prepared prepared = preparation.prepare(runId, step, deliveryId);
            leases.endClaim(false);
            return prepared;
        } catch (RuntimeException e) {
            leases.endClaim(true);
            throw e;
        }
    }

    /**
     * Runs and applies one claimed step.
     *
     * @return the step this thread runs next, claimed, when the outcome's successor was handed to it
     */
    private Optional<Continuations.Handed> deliverOne(UUID runId, String step, Prepared prepared, Chain chain) {
        if (prepared instanceof Prepared.Deferred deferred) {
            throw new DeliveryDeferredException(deferred.reason(), deferred.message());
        }
        if (prepared instanceof Prepared.Reconcile) {
            outcomes.reconcile(runId, step);
            return Optional.empty();
        }
        if (prepared instanceof Prepared.Execute execute) {
            Claim claim = execute.claim();
            try (Tracing.Span span = tracing.attempt(runId, claim.workflow().name(), step, claim.attemptNumber())) {
                Delivered applied = execute(claim, chain);
                span.outcome(applied.outcome().label(), applied.outcome() instanceof ExecutionOutcome.Failed);
                return applied.next();
            } finally {
                leases.releaseAttempt(claim.attemptId());
            }
        }
        return Optional.empty();
    }

    /** What was applied (a refused output becomes a failure), and the step this thread continues with, if any. */
    private record Delivered(ExecutionOutcome outcome, Optional<Continuations.Handed> next) {
    }

    /**
     * A continued step could not be delivered here (the database went away, the definition is not deployed...):
     * queue it, as if the step before had, so it is delivered again like any queued step. Should that fail too,
     * the run's progress expectation, set when the step was handed over, lets the watchdog queue it.
     */
    private void handOff(UUID runId, String step, RuntimeException cause) {
        LOG.warning(() -> "continuing run_id=" + runId + " with step " + step + " in this thread failed (" + cause
                + "); queuing it");
        try {
            outcomes.handOff(runId, step);
        } catch (RuntimeException e) {
            LOG.warning(() -> "queuing step " + step + " of run_id=" + runId + " failed too (" + e
                    + "); the watchdog queues it when the run is overdue");
        }
    }

    private Delivered execute(Claim claim, Chain chain) {
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
        return apply(claim, outcome, System.nanoTime() - started, chain);
    }

    /**
     * Applies the outcome; when the budget allows, the transaction may hand the run's next step to this thread
     * instead of queuing it ({@link Continuations}).
     */
    private Delivered apply(Claim claim, ExecutionOutcome outcome, long durationNanos, Chain chain) {
        long deadline = System.nanoTime() + APPLY_PATIENCE.toNanos();
        long pauseMillis = 100;
        ExecutionOutcome toApply = outcome;
        while (true) {
            boolean offered = chain.mayContinue();
            if (offered) {
                continuations.offer(claim.runId(), chain.nextDeliveryId());
                leases.beginClaim(); // the next step's attempt may be claimed in the same transaction
            }
            Optional<Continuations.Handed> handed = Optional.empty();
            try {
                outcomes.apply(claim, toApply, durationNanos);
                if (offered) {
                    leases.endClaim(false);
                }
                handed = offered ? continuations.withdraw() : Optional.empty(); // committed: the hand-over holds
                return new Delivered(toApply, handed);
            } catch (RuntimeException e) {
                if (offered) {
                    leases.endClaim(true); // rolled back: the next step's claim with it
                }
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
            } finally {
                if (offered && handed.isEmpty()) {
                    continuations.withdraw(); // rolled back or nothing taken: the thread keeps no offer
                }
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
