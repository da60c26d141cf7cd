package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads and writes {@code squid_mesh_step_attempts}; callers hold the run's row lock. */
@ApplicationScoped
public class AttemptStore {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    public void insert(StepAttemptEntity attempt) {
        em.persist(attempt);
    }

    public StepAttemptEntity get(UUID id) {
        return em.find(StepAttemptEntity.class, id);
    }

    /** The highest-numbered attempt of a step run, or null. */
    public StepAttemptEntity latest(UUID stepRunId) {
        List<StepAttemptEntity> attempts = em.createQuery(
                        "select a from StepAttemptEntity a where a.stepRunId = :row order by a.attemptNumber desc",
                        StepAttemptEntity.class)
                .setParameter("row", stepRunId).setMaxResults(1).getResultList();
        return attempts.isEmpty() ? null : attempts.get(0);
    }

    /** Attempts of these step runs, by step run then attempt number. */
    public List<StepAttemptEntity> forStepRuns(Collection<UUID> stepRunIds) {
        if (stepRunIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from StepAttemptEntity a where a.stepRunId in :rows "
                        + "order by a.stepRunId, a.attemptNumber", StepAttemptEntity.class)
                .setParameter("rows", stepRunIds).getResultList();
    }
}
