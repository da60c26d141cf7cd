package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads and writes {@code squid_mesh_runs}. {@link #lock} is the serialization point of every state change. */
@ApplicationScoped
public class RunStore {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    public void insert(RunEntity run) {
        em.persist(run);
    }

    public RunEntity find(UUID id) {
        return em.find(RunEntity.class, id);
    }

    /**
     * Reads the run with a row lock ({@code SELECT ... FOR UPDATE}) held until the transaction ends;
     * every preparation, progression and manual action on a run takes it first, so they never interleave.
     */
    public RunEntity lock(UUID id) {
        return em.find(RunEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page, newest first, strictly after the cursor position ({@code afterInsertedAt}, {@code afterId});
     * keyset paging, so the cost does not grow with the page number.
     */
    public List<RunEntity> page(String workflow, String status, Instant afterInsertedAt, UUID afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select r from RunEntity r where 1 = 1");
        if (workflow != null) {
            jpql.append(" and r.workflow = :workflow");
        }
        if (status != null) {
            jpql.append(" and r.status = :status");
        }
        if (afterInsertedAt != null) {
            jpql.append(" and (r.insertedAt < :at or (r.insertedAt = :at and r.id < :id))");
        }
        jpql.append(" order by r.insertedAt desc, r.id desc");
        TypedQuery<RunEntity> query = em.createQuery(jpql.toString(), RunEntity.class).setMaxResults(limit);
        if (workflow != null) {
            query.setParameter("workflow", workflow);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (afterInsertedAt != null) {
            query.setParameter("at", afterInsertedAt).setParameter("id", afterId);
        }
        return query.getResultList();
    }

    public long count() {
        return em.createQuery("select count(r) from RunEntity r", Long.class).getSingleResult();
    }
}
