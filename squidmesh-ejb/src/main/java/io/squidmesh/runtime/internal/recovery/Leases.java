package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.delivery.StepDelivery;
import io.squidmesh.runtime.internal.delivery.StepPreparation;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What this node is executing right now: the step attempts and the saga compensations whose leases it holds.
 * {@link NodeRegistry} renews exactly these leases; a claim in the database that names this node but is not
 * here was abandoned (its thread ended without recording a result) and is taken over at once.
 * <p>
 * A claim is registered inside the transaction that writes it, before that commits, so another delivery on this
 * node, which waits for the run's lock, never sees the claim without the registration; a rollback forgets it.
 * <p>
 * An attempt of a step with a timeout also has its executing thread interrupted when the deadline passes
 * ({@link #interruptAt}): its result is fenced out either way ({@link StepDelivery}), the interrupt only lets
 * well-behaved code stop early.
 */
@ApplicationScoped
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class.getName());

    private final Set<UUID> attempts = ConcurrentHashMap.newKeySet();
    private final Set<UUID> compensations = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Execution> deadlines = new ConcurrentHashMap<>();
    private final ThreadLocal<List<UUID>> claiming = new ThreadLocal<>();

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** The thread executing an attempt with a deadline, interrupted once when the deadline passes. */
    private static final class Execution {
        private final Thread thread;
        private boolean ended;
        private ScheduledFuture<?> alarm;

        private Execution(Thread thread) {
            this.thread = thread;
        }

        synchronized void interrupt(UUID attempt) {
            if (!ended) {
                LOG.warning(() -> "step attempt " + attempt + " overran its timeout: interrupting " + thread.getName());
                thread.interrupt();
            }
        }

        synchronized void end() {
            ended = true;
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    /**
     * The calling thread is about to execute {@code attempt}, which must end by {@code deadline}: it is interrupted
     * then (the step's code may honour it: a sleep, a wait, interruptible I/O), once, unless it ended first.
     */
    public void interruptAt(UUID attempt, Instant deadline) {
        Execution execution = new Execution(Thread.currentThread());
        deadlines.put(attempt, execution);
        long delay = Math.max(0, Duration.between(Clocks.now(), deadline).toMillis());
        execution.alarm = scheduler.schedule(() -> execution.interrupt(attempt), delay, TimeUnit.MILLISECONDS);
    }

    /** The attempt's code returned: no interrupt may reach this thread for it any more (one pending is cleared). */
    public void executionEnded(UUID attempt) {
        Execution execution = deadlines.remove(attempt);
        if (execution != null) {
            execution.end();
            Thread.interrupted(); // an interrupt that came as the step returned must not disturb what follows
        }
    }

    /** Registers an attempt claimed in the current transaction; forgotten if the transaction rolls back. */
    public void holdAttempt(UUID attempt) {
        attempts.add(attempt);
        List<UUID> claiming = this.claiming.get();
        if (claiming != null) {
            claiming.add(attempt);
        }
        forgetOnRollback(() -> attempts.remove(attempt));
    }

    /** This thread starts a claim ({@link StepPreparation}): the attempts it registers are recorded. */
    public void beginClaim() {
        claiming.set(new ArrayList<>());
    }

    /**
     * This thread's claim ended. When it {@code failed} (its transaction threw), what it registered is forgotten
     * whatever the transaction manager reported: a commit whose outcome the caller never learnt (a heuristic
     * hazard when the database went away during a one-phase commit) may have written the claim, and a claim held
     * here by nobody would stay "live" and be renewed for ever. Forgotten, a claim that did commit is abandoned and
     * taken over by the next delivery.
     */
    public void endClaim(boolean failed) {
        List<UUID> registered = claiming.get();
        claiming.remove();
        if (failed && registered != null) {
            for (UUID attempt : registered) {
                attempts.remove(attempt);
                Execution execution = deadlines.remove(attempt);
                if (execution != null) {
                    execution.end();
                }
            }
        }
    }

    public void releaseAttempt(UUID attempt) {
        attempts.remove(attempt);
    }

    public boolean holdsAttempt(UUID attempt) {
        return attempts.contains(attempt);
    }

    /** Registers the compensation of a run claimed in the current transaction. */
    public void holdCompensation(UUID run) {
        compensations.add(run);
        forgetOnRollback(() -> compensations.remove(run));
    }

    public void releaseCompensation(UUID run) {
        compensations.remove(run);
    }

    public boolean holdsCompensation(UUID run) {
        return compensations.contains(run);
    }

    List<UUID> attempts() {
        return List.copyOf(attempts);
    }

    List<UUID> compensations() {
        return List.copyOf(compensations);
    }

    private void forgetOnRollback(Runnable forget) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    forget.run();
                }
            }
        });
    }
}
