package io.squidmesh.metrics;

import io.squidmesh.RunStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many runs are open (not terminal), by status: one grouped count over the runs table. */
@Stateless
public class OpenRuns {

    /** The statuses a run can be in before it ends. */
    public static final List<RunStatus> STATUSES = Arrays.stream(RunStatus.values()).filter(s -> !s.isTerminal()).toList();

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    /**
     * @return each open status with its number of runs (zero where there are none)
     */
    public Map<RunStatus, Long> byStatus() {
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        STATUSES.forEach(status -> counts.put(status, 0L));
        List<Object[]> rows = em.createQuery("SELECT r.status, COUNT(r) FROM RunEntity r WHERE r.status IN :open"
                + " GROUP BY r.status", Object[].class).setParameter("open", STATUSES).getResultList();
        for (Object[] row : rows) {
            counts.put((RunStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
