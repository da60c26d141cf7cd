package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/** Keeps operators' actions for the audit trail ({@code squid_mesh_operator_actions}). */
@ApplicationScoped
public class OperatorActionStore {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    public void insert(OperatorActionEntity action) {
        em.persist(action);
    }

    /** The actions taken for a run, oldest first. */
    public List<OperatorActionEntity> forRun(UUID runId) {
        return em.createQuery("select a from OperatorActionEntity a where a.runId = :run order by a.actedAt",
                        OperatorActionEntity.class)
                .setParameter("run", runId.toString()).getResultList();
    }
}
