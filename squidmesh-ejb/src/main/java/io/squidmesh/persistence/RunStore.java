package io.squidmesh.persistence;

import io.squidmesh.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads and writes {@code squid_mesh_runs}. {@link #lock} is the serialization point of every state change. */
@ApplicationScoped
public class RunStore {

    private static final List<RunStatus> TERMINAL = Arrays.stream(RunStatus.values()).filter(RunStatus::isTerminal).toList();

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
     * <p>
     * What it returns is always the row as locked: a copy the transaction read earlier (a bulk job's processor
     * looked at it, a caller inspected the run first) is refreshed under the lock, never written back stale. The
     * version column fences any write that would still come from an older copy.
     */
    public RunEntity lock(UUID id) {
        // getReference answers from the persistence context without a query: a loaded instance there is what may
        // be stale (find would only lock it, keeping the old state), so it is refreshed with the lock instead
        RunEntity known = em.getReference(RunEntity.class, id);
        if (em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(known)) {
            em.refresh(known, LockModeType.PESSIMISTIC_WRITE);
            return known;
        }
        return em.find(RunEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks the run only if no other transaction holds its lock (PostgreSQL: {@code FOR UPDATE NOWAIT}): for
     * background work that must never wait behind a lock (a stuck in-doubt transaction holds its locks until it is
     * resolved). Null when the run is missing or its lock is taken; the current transaction is then unusable on
     * PostgreSQL and must roll back.
     */
    public RunEntity lockIfFree(UUID id) {
        try {
            return em.find(RunEntity.class, id, LockModeType.PESSIMISTIC_WRITE,
                    java.util.Map.of("jakarta.persistence.lock.timeout", 0));
        } catch (jakarta.persistence.LockTimeoutException | jakarta.persistence.PessimisticLockException busy) {
            return null;
        }
    }

    /**
     * One page, newest first, strictly after the cursor position ({@code afterInsertedAt}, {@code afterId});
     * keyset paging, so the cost does not grow with the page number. The position is one row-value comparison,
     * {@code (inserted_at, id) < (?, ?)}, which PostgreSQL turns into a range of the {@code (inserted_at, id)}
     * indexes (with the workflow, or workflow and status, in front when filtered); the equivalent
     * {@code a < ? or (a = ? and id < ?)} is no index range and slows down as the table grows. Native SQL,
     * because JPQL has no row values (Hibernate's tuple syntax is refused under the server's strict JPA
     * compliance); H2 and PostgreSQL both take it.
     */
    @SuppressWarnings("unchecked")
    public List<RunEntity> page(String workflow, RunStatus status, String key, Instant afterInsertedAt, UUID afterId,
                                int limit) {
        StringBuilder sql = new StringBuilder("select r.* from squid_mesh_runs r where 1 = 1");
        List<Object> parameters = new java.util.ArrayList<>();
        if (workflow != null) {
            parameters.add(workflow);
            sql.append(" and r.workflow = ?").append(parameters.size());
        }
        if (key != null) {
            parameters.add(key);
            sql.append(" and r.run_key = ?").append(parameters.size());
        }
        if (status != null) {
            parameters.add(status.value()); // native SQL: the column's text, not the converted enum
            sql.append(" and r.status = ?").append(parameters.size());
        }
        if (afterInsertedAt != null) {
            parameters.add(DbTime.of(afterInsertedAt));
            parameters.add(afterId);
            sql.append(" and (r.inserted_at, r.id) < (?").append(parameters.size() - 1)
                    .append(", ?").append(parameters.size()).append(")");
        }
        sql.append(" order by r.inserted_at desc, r.id desc");
        Query query = em.createNativeQuery(sql.toString(), RunEntity.class).setMaxResults(limit);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    /** The runs that child_run steps of {@code parent} started, oldest first. */
    public List<RunEntity> children(UUID parent) {
        return em.createQuery("select r from RunEntity r where r.parentRunId = :parent order by r.insertedAt, r.id",
                RunEntity.class).setParameter("parent", parent.toString()).getResultList();
    }

    /** Where a run sits in the oldest-first order of bulk jobs; a batch checkpoint. */
    public record RunKey(Instant insertedAt, UUID id) implements java.io.Serializable {
    }

    /**
     * Open runs that have not moved when their queued work said they would: overdue (their expected-progress time
     * has passed) or queued again by the watchdog since they last moved; the longest overdue first.
     */
    public List<RunEntity> stuck(Instant now, int limit) {
        List<RunStatus> open = java.util.Arrays.stream(RunStatus.values()).filter(status -> !status.isTerminal()).toList();
        return em.createQuery("select r from RunEntity r where r.status in :open"
                        + " and (r.wakeAt < :now or r.nudges > 0) order by r.wakeAt, r.id", RunEntity.class)
                .setParameter("open", open).setParameter("now", DbTime.of(now))
                .setMaxResults(limit).getResultList();
    }

    /** Up to {@code limit} runs after {@code after}, oldest first, matching the filter (null parts match all). */
    public List<RunKey> keys(String workflow, List<RunStatus> statuses, Instant updatedBefore, RunKey after, int limit) {
        if (statuses != null && statuses.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("select r.insertedAt, r.id from RunEntity r where 1 = 1");
        if (workflow != null) {
            jpql.append(" and r.workflow = :workflow");
        }
        if (statuses != null) {
            jpql.append(" and r.status in :statuses");
        }
        if (updatedBefore != null) {
            jpql.append(" and r.updatedAt < :before");
        }
        if (after != null) {
            jpql.append(" and (r.insertedAt > :at or (r.insertedAt = :at and r.id > :id))");
        }
        jpql.append(" order by r.insertedAt, r.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(limit);
        if (workflow != null) {
            query.setParameter("workflow", workflow);
        }
        if (statuses != null) {
            query.setParameter("statuses", statuses);
        }
        if (updatedBefore != null) {
            query.setParameter("before", DbTime.of(updatedBefore));
        }
        if (after != null) {
            query.setParameter("at", DbTime.of(after.insertedAt())).setParameter("id", after.id());
        }
        return query.getResultList().stream().map(row -> new RunKey(DbTime.instant((OffsetDateTime) row[0]), (UUID) row[1])).toList();
    }

    /**
     * Deletes these runs if they are still terminal and older than the cutoff; their step runs and attempts go
     * with them (ON DELETE CASCADE), and replays and cron activations that point at them keep a null reference.
     */
    public int deleteTerminal(List<UUID> ids, Instant updatedBefore) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from RunEntity r where r.id in :ids and r.updatedAt < :before "
                        + "and r.status in :terminal")
                .setParameter("terminal", TERMINAL).setParameter("ids", ids).setParameter("before", DbTime.of(updatedBefore)).executeUpdate();
    }

    public long count() {
        return em.createQuery("select count(r) from RunEntity r", Long.class).getSingleResult();
    }
}
