package io.squidmesh.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Reads and writes {@code squid_mesh_cron_activations}. */
@ApplicationScoped
public class CronActivationStore {

    /**
     * On PostgreSQL a second claim of the same window waits for the first one's transaction and then inserts
     * nothing, instead of failing the whole transaction on the unique key.
     */
    private static final String CLAIM_POSTGRESQL = "INSERT INTO squid_mesh_cron_activations "
            + "(workflow, trigger, signal_id, inserted_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private volatile DatabaseVendor vendor;

    /**
     * Claims a window for this transaction: true if it is the first to, false if a run was already started for
     * it (a duplicate message, or another node's timer). On PostgreSQL, where nodes share the database, two
     * concurrent claims resolve without error; on H2 (one node) the rare concurrent duplicate fails this
     * transaction on the unique key, and its redelivery then finds the row.
     */
    public boolean claim(String workflow, String trigger, String signalId, Instant now) {
        if (vendor() == DatabaseVendor.POSTGRESQL) {
            return em.createNativeQuery(CLAIM_POSTGRESQL).setParameter(1, workflow).setParameter(2, trigger)
                    .setParameter(3, signalId).setParameter(4, Timestamp.from(now)).executeUpdate() == 1;
        }
        if (find(workflow, trigger, signalId) != null) {
            return false;
        }
        em.persist(new CronActivationEntity(workflow, trigger, signalId, now));
        em.flush();
        return true;
    }

    /** Records which run a claimed window started. */
    public void recordRun(String workflow, String trigger, String signalId, UUID runId) {
        find(workflow, trigger, signalId).setRunId(runId);
    }

    private CronActivationEntity find(String workflow, String trigger, String signalId) {
        return em.find(CronActivationEntity.class, new CronActivationEntity.Key(workflow, trigger, signalId));
    }

    private DatabaseVendor vendor() {
        if (vendor == null) {
            vendor = DatabaseVendor.of(dataSource);
        }
        return vendor;
    }
}
