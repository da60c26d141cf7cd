package io.squidmesh.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Claims run keys ({@code squid_mesh_run_keys}) so that concurrent starts with one key create one run: the first
 * claim wins, every later one (concurrent or not) finds the winner's row once the winner committed.
 * <p>
 * On PostgreSQL the claim is {@code INSERT ... ON CONFLICT DO NOTHING}: a concurrent claim waits for the winner's
 * transaction and then inserts nothing, without failing its own transaction. H2 has no such statement; it runs
 * embedded in one server, so claims of one key are serialized in this JVM until the claiming transaction ends.
 */
@ApplicationScoped
public class RunKeyStore {

    private static final String CLAIM_POSTGRESQL = "INSERT INTO squid_mesh_run_keys "
            + "(workflow, run_key, request_digest, inserted_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Semaphore[] STRIPES = new Semaphore[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Semaphore(1);
        }
    }

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private volatile DatabaseVendor vendor;

    /**
     * Claims the key for this transaction, or answers the claim that holds it.
     *
     * @return empty when this transaction now holds the key (bind the run to it with {@link #bind}); else the
     *         claim of the run that was started with it
     */
    public Optional<RunKeyEntity> claim(String workflow, String key, String requestDigest, Instant now) {
        if (vendor() == DatabaseVendor.POSTGRESQL) {
            int inserted = em.createNativeQuery(CLAIM_POSTGRESQL).setParameter(1, workflow).setParameter(2, key)
                    .setParameter(3, requestDigest).setParameter(4, Timestamp.from(now)).executeUpdate();
            return inserted == 1 ? Optional.empty() : Optional.of(find(workflow, key));
        }
        serializeUntilTheTransactionEnds(workflow, key);
        RunKeyEntity existing = find(workflow, key);
        if (existing != null) {
            return Optional.of(existing);
        }
        em.persist(new RunKeyEntity(workflow, key, requestDigest, now));
        return Optional.empty();
    }

    /** Records which run the claim started (in the claiming transaction). */
    public void bind(String workflow, String key, UUID runId) {
        // the run row is written by then: queueing its first work flushed it
        find(workflow, key).setRunId(runId);
    }

    /** The run started with this key of this workflow, if any (and if its start committed). */
    public Optional<UUID> runOf(String workflow, String key) {
        RunKeyEntity claim = find(workflow, key);
        return claim == null ? Optional.empty() : Optional.ofNullable(claim.getRunId());
    }

    private RunKeyEntity find(String workflow, String key) {
        return em.find(RunKeyEntity.class, new RunKeyEntity.Key(workflow, key));
    }

    private void serializeUntilTheTransactionEnds(String workflow, String key) {
        Semaphore stripe = STRIPES[Math.floorMod((workflow + '\u0000' + key).hashCode(), STRIPES.length)];
        try {
            if (!stripe.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("another start with run key " + key + " of workflow " + workflow
                        + " has not ended within " + PATIENCE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another start with run key " + key, e);
        }
        // released after the commit or rollback, from whichever thread ends the transaction (hence a semaphore)
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    stripe.release();
                }
            });
        } catch (RuntimeException e) {
            stripe.release();
            throw e;
        }
    }

    private DatabaseVendor vendor() {
        if (vendor == null) {
            vendor = DatabaseVendor.of(dataSource);
        }
        return vendor;
    }
}
