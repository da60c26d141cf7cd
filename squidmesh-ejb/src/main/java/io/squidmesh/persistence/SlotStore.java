package io.squidmesh.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The database side of workflow concurrency limits: the per-workflow lock row ({@code squid_mesh_limits}), the count
 * of executing attempts, and the steps waiting for a slot ({@code squid_mesh_slot_waits}). Every method but
 * {@link #waitsOf} runs under {@link #lock}, so the rows it reads cannot change under it.
 */
@ApplicationScoped
public class SlotStore {

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    /** A step waiting for a slot. */
    public record Wait(UUID runId, String step, int priority, Instant since, Instant wokenAt) {
    }

    /** Locks the workflow's limit row (writing it the first time) until the transaction ends: one claimer at a time. */
    public void lock(String workflow) {
        if (lockRow(workflow)) {
            return;
        }
        // first use: write the row unless a concurrent first use did (its insert then waits for that one to end)
        em.createNativeQuery("INSERT INTO squid_mesh_limits (workflow) SELECT ?1 WHERE NOT EXISTS "
                + "(SELECT 1 FROM squid_mesh_limits WHERE workflow = ?1)").setParameter(1, workflow).executeUpdate();
        if (!lockRow(workflow)) {
            throw new IllegalStateException("the limit row of workflow " + workflow + " cannot be locked");
        }
    }

    private boolean lockRow(String workflow) {
        return !em.createNativeQuery("SELECT workflow FROM squid_mesh_limits WHERE workflow = ?1 FOR UPDATE")
                .setParameter(1, workflow).getResultList().isEmpty();
    }

    /** The workflow's attempts executing now: running and holding a lease that has not run out. */
    public long executing(String workflow, Instant now) {
        return em.createQuery("select count(a) from StepAttemptEntity a, StepRunEntity s, RunEntity r "
                        + "where a.stepRunId = s.id and s.runId = r.id and r.workflow = :workflow "
                        + "and a.status = :running and a.leaseUntil >= :now", Long.class)
                .setParameter("workflow", workflow).setParameter("running", AttemptStatus.RUNNING)
                .setParameter("now", DbTime.of(now)).getSingleResult();
    }

    /** Every step of the workflow waiting for a slot, woken or not. */
    public List<Wait> waits(String workflow) {
        return read(em.createNativeQuery("SELECT CAST(run_id AS varchar(36)), step, priority, waiting_since, woken_at "
                + "FROM squid_mesh_slot_waits WHERE workflow = ?1").setParameter(1, workflow).getResultList());
    }

    /** The steps of one run waiting for a slot (for explain_run). */
    public List<Wait> waitsOf(UUID runId) {
        return read(em.createNativeQuery("SELECT CAST(run_id AS varchar(36)), step, priority, waiting_since, woken_at "
                + "FROM squid_mesh_slot_waits WHERE run_id = ?1").setParameter(1, runId).getResultList());
    }

    /** Workflows with steps waiting for a slot. */
    @SuppressWarnings("unchecked")
    public List<String> waitingWorkflows() {
        return (List<String>) em.createNativeQuery("SELECT DISTINCT workflow FROM squid_mesh_slot_waits")
                .getResultList();
    }

    /** The step waits (again): a new row, or its row no longer counts as woken. */
    public void waitFor(UUID runId, String step, String workflow, int priority, Instant now) {
        int updated = em.createNativeQuery("UPDATE squid_mesh_slot_waits SET woken_at = NULL "
                + "WHERE run_id = ?1 AND step = ?2").setParameter(1, runId).setParameter(2, step).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO squid_mesh_slot_waits (run_id, step, workflow, priority, waiting_since) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, runId).setParameter(2, step)
                    .setParameter(3, workflow).setParameter(4, priority).setParameter(5, Timestamp.from(now))
                    .executeUpdate();
        }
    }

    /** A delivery of the step was queued: its row holds a slot until the step claims it. */
    public void woken(UUID runId, String step, Instant now) {
        em.createNativeQuery("UPDATE squid_mesh_slot_waits SET woken_at = ?3 WHERE run_id = ?1 AND step = ?2")
                .setParameter(1, runId).setParameter(2, step).setParameter(3, Timestamp.from(now)).executeUpdate();
    }

    /** The step took a slot (or its run ended): it waits no more. */
    public void done(UUID runId, String step) {
        em.createNativeQuery("DELETE FROM squid_mesh_slot_waits WHERE run_id = ?1 AND step = ?2")
                .setParameter(1, runId).setParameter(2, step).executeUpdate();
    }

    private static List<Wait> read(List<?> rows) {
        return rows.stream().map(row -> (Object[]) row).map(row -> new Wait(uuid(row[0]), (String) row[1],
                ((Number) row[2]).intValue(), DbTime.fromColumn(row[3]), DbTime.fromColumn(row[4]))).toList();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(String.valueOf(value));
    }
}
