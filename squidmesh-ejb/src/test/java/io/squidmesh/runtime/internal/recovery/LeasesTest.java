package io.squidmesh.runtime.internal.recovery;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What this node believes it executes: claims that committed, and nothing a failed claim left behind. */
class LeasesTest {

    private final List<Synchronization> synchronizations = new ArrayList<>();
    private Leases leases;

    @BeforeEach
    void setUp() {
        leases = new Leases();
        leases.transactions = new TransactionSynchronizationRegistry() {
            @Override
            public void registerInterposedSynchronization(Synchronization sync) {
                synchronizations.add(sync);
            }

            @Override
            public Object getTransactionKey() {
                return "tx";
            }

            @Override
            public void putResource(Object key, Object value) {
            }

            @Override
            public Object getResource(Object key) {
                return null;
            }

            @Override
            public int getTransactionStatus() {
                return Status.STATUS_ACTIVE;
            }

            @Override
            public void setRollbackOnly() {
            }

            @Override
            public boolean getRollbackOnly() {
                return false;
            }
        };
    }

    private void complete(int status) {
        synchronizations.forEach(s -> s.afterCompletion(status));
        synchronizations.clear();
    }

    @Test
    void aClaimThatCommittedIsHeldUntilReleased() {
        UUID attempt = UUID.randomUUID();
        leases.beginClaim();
        leases.holdAttempt(attempt);
        complete(Status.STATUS_COMMITTED);
        leases.endClaim(false);

        assertTrue(leases.holdsAttempt(attempt));
        leases.releaseAttempt(attempt);
        assertFalse(leases.holdsAttempt(attempt));
    }

    @Test
    void aClaimThatRolledBackIsForgotten() {
        UUID attempt = UUID.randomUUID();
        leases.beginClaim();
        leases.holdAttempt(attempt);
        complete(Status.STATUS_ROLLEDBACK);
        leases.endClaim(true);

        assertFalse(leases.holdsAttempt(attempt));
    }

    @Test
    void aClaimWhoseCommitReportedSuccessButWhoseCallerSawAFailureIsForgottenToo() {
        // the database went away during a one-phase commit: the transaction manager reports a heuristic hazard,
        // the synchronization may be told "committed", and the delivery's call fails: nobody executes the attempt
        UUID attempt = UUID.randomUUID();
        leases.beginClaim();
        leases.holdAttempt(attempt);
        complete(Status.STATUS_COMMITTED);
        leases.endClaim(true);

        assertFalse(leases.holdsAttempt(attempt), "a claim nobody executes must not stay live (it is taken over)");
        assertFalse(leases.attempts().contains(attempt), "nor be renewed by the heartbeat");
    }

    @Test
    void aClaimOnlyForgetsWhatThisThreadRegistered() {
        UUID other = UUID.randomUUID();
        leases.holdAttempt(other); // claimed earlier, outside this claim
        complete(Status.STATUS_COMMITTED);
        UUID mine = UUID.randomUUID();
        leases.beginClaim();
        leases.holdAttempt(mine);
        leases.endClaim(true);

        assertTrue(leases.holdsAttempt(other));
        assertFalse(leases.holdsAttempt(mine));
    }
}
