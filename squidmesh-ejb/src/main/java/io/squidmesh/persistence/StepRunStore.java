package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes {@code squid_mesh_step_runs}. Callers hold the run's row lock, so "insert if absent"
 * needs no upsert: nobody else can insert a row of that run meanwhile (the unique (run_id, step) key
 * stays as a guard).
 */
@ApplicationScoped
public class StepRunStore {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    public void insert(StepRunEntity row) {
        em.persist(row);
    }

    /**
     * Inserts a row that another insert of the same transaction references (its first attempt), written now: a JPA
     * provider may order the inserts of entities without a mapped relationship as it likes, and EclipseLink (Payara)
     * wrote the attempt first, against its foreign key.
     */
    public void insertNow(StepRunEntity row) {
        em.persist(row);
        em.flush();
    }

    public StepRunEntity get(UUID id) {
        return em.find(StepRunEntity.class, id);
    }

    public StepRunEntity find(UUID runId, String step) {
        List<StepRunEntity> rows = em.createQuery(
                        "select s from StepRunEntity s where s.runId = :run and s.step = :step", StepRunEntity.class)
                .setParameter("run", runId).setParameter("step", step).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The run's step rows in insertion order. */
    public List<StepRunEntity> forRun(UUID runId) {
        return em.createQuery("select s from StepRunEntity s where s.runId = :run order by s.insertedAt, s.id",
                StepRunEntity.class).setParameter("run", runId).getResultList();
    }

    /** Step name to status, for dependency progress. */
    public Map<String, String> statuses(UUID runId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        em.createQuery("select s.step, s.status from StepRunEntity s where s.runId = :run", Object[].class)
                .setParameter("run", runId).getResultList()
                .forEach(row -> statuses.put((String) row[0], ((StepStatus) row[1]).value()));
        return statuses;
    }

    public void delete(StepRunEntity row) {
        em.remove(row);
    }
}
