package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes runs' mailboxes ({@code squid_mesh_run_events}). Callers hold the run's row lock, so taking
 * the oldest event and finding an idempotency key need no locks of their own.
 */
@ApplicationScoped
public class RunEventStore {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    public void insert(RunEventEntity event) {
        em.persist(event);
    }

    /** The event a sender already sent with this idempotency key, if any. */
    public Optional<RunEventEntity> withKey(UUID runId, String idempotencyKey) {
        return em.createQuery("select e from RunEventEntity e where e.runId = :run and e.idempotencyKey = :key",
                        RunEventEntity.class)
                .setParameter("run", runId).setParameter("key", idempotencyKey)
                .getResultStream().findFirst();
    }

    /** The oldest event of this name that no step took yet. */
    public Optional<RunEventEntity> oldestWaiting(UUID runId, String event) {
        return em.createQuery("select e from RunEventEntity e where e.runId = :run and e.event = :event "
                                + "and e.consumedAt is null order by e.receivedAt, e.id", RunEventEntity.class)
                .setParameter("run", runId).setParameter("event", event)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The run's events, in the order they arrived. */
    public List<RunEventEntity> forRun(UUID runId) {
        return em.createQuery("select e from RunEventEntity e where e.runId = :run order by e.receivedAt, e.id",
                RunEventEntity.class).setParameter("run", runId).getResultList();
    }
}
