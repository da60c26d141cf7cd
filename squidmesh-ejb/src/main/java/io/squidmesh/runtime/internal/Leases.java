package io.squidmesh.runtime.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node is executing right now: the step attempts and the saga compensations whose leases it holds.
 * {@link NodeRegistry} renews exactly these leases; a claim in the database that names this node but is not
 * here was abandoned (its thread ended without recording a result) and is taken over at once.
 * <p>
 * A claim is registered inside the transaction that writes it, before that commits, so another delivery on this
 * node, which waits for the run's lock, never sees the claim without the registration; a rollback forgets it.
 */
@ApplicationScoped
public class Leases {

    private final Set<UUID> attempts = ConcurrentHashMap.newKeySet();
    private final Set<UUID> compensations = ConcurrentHashMap.newKeySet();

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** Registers an attempt claimed in the current transaction; forgotten if the transaction rolls back. */
    void holdAttempt(UUID attempt) {
        attempts.add(attempt);
        forgetOnRollback(() -> attempts.remove(attempt));
    }

    public void releaseAttempt(UUID attempt) {
        attempts.remove(attempt);
    }

    public boolean holdsAttempt(UUID attempt) {
        return attempts.contains(attempt);
    }

    /** Registers the compensation of a run claimed in the current transaction. */
    void holdCompensation(UUID run) {
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
