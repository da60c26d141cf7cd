package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads and writes {@code squid_mesh_cron_activations}. */
@ApplicationScoped
public class CronActivationStore {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    public CronActivationEntity find(String workflow, String trigger, String signalId) {
        return em.find(CronActivationEntity.class, new CronActivationEntity.Key(workflow, trigger, signalId));
    }

    /**
     * Records an activation and writes it at once: when another node or a duplicate message recorded the same
     * window first, the unique key fails this transaction, and its redelivery then finds the row.
     */
    public void insert(CronActivationEntity activation) {
        em.persist(activation);
        em.flush();
    }
}
