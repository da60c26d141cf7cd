package io.squidmesh.persistence;

import io.squidmesh.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The overview's reads: counts per minute and the recent failures and attempts, each bounded by the window (index
 * on {@code updated_at}, V13) and, for row reads, by a row limit. Native SQL where the per-minute grouping needs
 * {@code DATE_TRUNC} (PostgreSQL and H2 both have it; JPQL has no portable form).
 */
@ApplicationScoped
public class OverviewStore {

    /** The statuses a run can be in before it ends. */
    public static final List<RunStatus> OPEN = Arrays.stream(RunStatus.values()).filter(s -> !s.isTerminal()).toList();

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    /** @return rows of (minute, count) for runs inserted since {@code from} */
    @SuppressWarnings("unchecked")
    public List<Object[]> startedPerMinute(OffsetDateTime from) {
        return em.createNativeQuery("SELECT DATE_TRUNC('minute', inserted_at), COUNT(*) FROM squid_mesh_runs"
                + " WHERE inserted_at >= ?1 GROUP BY DATE_TRUNC('minute', inserted_at)")
                .setParameter(1, from).getResultList();
    }

    /** @return rows of (minute, status, count) for runs that ended since {@code from} */
    @SuppressWarnings("unchecked")
    public List<Object[]> endedPerMinute(OffsetDateTime from) {
        return em.createNativeQuery("SELECT DATE_TRUNC('minute', updated_at), status, COUNT(*) FROM squid_mesh_runs"
                + " WHERE updated_at >= ?1 AND status IN ('completed', 'failed', 'cancelled')"
                + " GROUP BY DATE_TRUNC('minute', updated_at), status")
                .setParameter(1, from).getResultList();
    }

    /** @return each open status with its number of runs (zero where there are none) */
    public Map<RunStatus, Long> openByStatus() {
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        OPEN.forEach(status -> counts.put(status, 0L));
        for (Object[] row : em.createQuery("SELECT r.status, COUNT(r) FROM RunEntity r WHERE r.status IN :open"
                + " GROUP BY r.status", Object[].class).setParameter("open", OPEN).getResultList()) {
            counts.put((RunStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** @return the runs that failed since {@code from}, newest first, at most {@code limit} */
    public List<RunEntity> failedSince(OffsetDateTime from, int limit) {
        return em.createQuery("SELECT r FROM RunEntity r WHERE r.status = :failed AND r.updatedAt >= :from"
                        + " ORDER BY r.updatedAt DESC", RunEntity.class)
                .setParameter("failed", RunStatus.FAILED).setParameter("from", from).setMaxResults(limit).getResultList();
    }

    /**
     * @return rows of (workflow, step, attempt status, attempt inserted_at, attempt updated_at) for attempts that
     *         settled since {@code from}, newest first, at most {@code limit}
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> attemptsSettledSince(OffsetDateTime from, int limit) {
        return em.createNativeQuery("SELECT r.workflow, s.step, a.status, a.inserted_at, a.updated_at"
                        + " FROM squid_mesh_runs r JOIN squid_mesh_step_runs s ON s.run_id = r.id"
                        + " JOIN squid_mesh_step_attempts a ON a.step_run_id = s.id"
                        + " WHERE r.updated_at >= ?1 AND a.updated_at >= ?1 AND a.status IN ('completed', 'failed')"
                        + " ORDER BY a.updated_at DESC")
                .setParameter(1, from).setMaxResults(limit).getResultList();
    }
}
