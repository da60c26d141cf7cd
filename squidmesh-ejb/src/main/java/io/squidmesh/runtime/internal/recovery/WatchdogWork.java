package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.DbTime;
import io.squidmesh.persistence.LockStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.EngineConfig;
import io.squidmesh.runtime.internal.OwnTransaction;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.compensation.Compensations;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.delivery.Slots;
import io.squidmesh.runtime.internal.waiting.ChildRuns;
import io.squidmesh.runtime.internal.waiting.EventWaits;
import io.squidmesh.workflow.Workflow;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/** The watchdog's database work, each call in a transaction of its own ({@link Watchdog}, {@link OwnTransaction}). */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class WatchdogWork {

    private static final Logger LOG = Logger.getLogger(WatchdogWork.class.getName());
    private static final int MAX_BACKOFF_DOUBLINGS = 5;

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    LockStore locks;

    @Inject
    RunStore runs;

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    @Inject
    WorkflowRegistry registry;

    @Inject
    Compensations compensations;

    @Inject
    Dispatcher dispatcher;

    @Inject
    RunTransitions transitions;

    @Inject
    NodeRegistry nodes;

    @Inject
    Leases leases;

    @Inject
    EngineConfig config;

    @Inject
    RunDeadlines deadlines;

    @Inject
    Slots slots;

    @Inject
    io.squidmesh.persistence.SlotStore slotStore;

    /** Takes (or keeps) the watchdog role until {@code until}. */
    public OwnTransaction<Boolean> acquire(Instant now, Instant until) {
        return OwnTransaction.run(transaction, () -> locks.acquire(LockStore.WATCHDOG, nodes.id(), now, until));
    }

    /**
     * Runs to look at, oldest due first: expected progress overdue, or executing work (an attempt, a compensation)
     * whose lease ran out.
     */
    public OwnTransaction<List<UUID>> candidates(Instant now, int limit) {
        return OwnTransaction.run(transaction, () -> find(now, limit));
    }

    private List<UUID> find(Instant now, int limit) {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.addAll(em.createQuery("select r.id from RunEntity r where r.wakeAt < :now order by r.wakeAt", UUID.class)
                .setParameter("now", DbTime.of(now)).setMaxResults(limit).getResultList());
        ids.addAll(em.createQuery("select s.runId from StepAttemptEntity a, StepRunEntity s where a.stepRunId = s.id "
                        + "and a.status = :running and a.leaseUntil < :now", UUID.class)
                .setParameter("running", AttemptStatus.RUNNING)
                .setParameter("now", DbTime.of(now)).setMaxResults(limit).getResultList());
        ids.addAll(em.createQuery("select r.id from RunEntity r where r.deadlineAt < :now and r.status in :open "
                        + "order by r.deadlineAt", UUID.class)
                .setParameter("now", DbTime.of(now))
                .setParameter("open", List.of(RunStatus.PENDING, RunStatus.RUNNING, RunStatus.RETRYING, RunStatus.PAUSED))
                .setMaxResults(limit).getResultList());
        ids.addAll(em.createQuery("select r.id from RunEntity r where r.compensationUntil < :now", UUID.class)
                .setParameter("now", DbTime.of(now)).setMaxResults(limit).getResultList());
        return new ArrayList<>(ids).subList(0, Math.min(ids.size(), limit));
    }

    /**
     * Hands free slots of workflows with a concurrency limit to the steps waiting for them, in case a slot came free
     * where no step ended (a lease ran out, a run was cancelled): {@link Slots#look}.
     */
    public OwnTransaction<Void> lookAtSlots(Instant now) {
        return OwnTransaction.run(transaction, () -> {
            for (String workflow : slotStore.waitingWorkflows()) {
                registry.find(workflow).ifPresent(deployed -> slots.look(workflow, deployed.concurrency(), now));
            }
            return null;
        });
    }

    /** Looks at one run under its lock and does what {@link WatchdogDecision} says. */
    public OwnTransaction<Void> look(UUID runId) {
        return OwnTransaction.run(transaction, () -> {
            try {
                act(runId);
            } catch (jakarta.transaction.SystemException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    private void act(UUID runId) throws jakarta.transaction.SystemException {
        RunEntity run = runs.lockIfFree(runId);
        if (run == null) {
            transaction.setRollbackOnly(); // gone, or someone holds its lock: look again on a later round
            return;
        }
        Instant now = Clocks.now();
        if (run.getNudgeAfter() != null && run.getNudgeAfter().isAfter(now)) {
            return; // re-queued recently: give that a chance first
        }
        Optional<Workflow> workflow = registry.forRun(run);
        if (workflow.isEmpty()) {
            return; // not deployed here; a node that has it looks at the run
        }
        if (deadlines.expire(run, workflow.get(), now)) {
            return;
        }
        WatchdogDecision.RunSnapshot snapshot = snapshot(run, workflow.get(), now);
        WatchdogDecision.Action action = WatchdogDecision.decide(snapshot);
        if (action instanceof WatchdogDecision.Action.Settle) {
            LOG.info(() -> "watchdog: run_id=" + runId + " was cancelling with nothing executing; now cancelled");
            transitions.moveTo(run, RunStatus.CANCELLED, null);
        } else if (action instanceof WatchdogDecision.Action.Requeue requeue) {
            for (String step : requeue.steps()) {
                dispatcher.enqueueStep(run, step, Duration.ZERO);
            }
            if (requeue.compensation()) {
                dispatcher.enqueueCompensation(run);
            }
            Duration backoff = backoff(run.getNudges());
            int nudge = run.getNudges() + 1;
            run.nudged(now.plus(backoff));
            LOG.warning(() -> "watchdog: re-queued " + (requeue.compensation() ? "the compensation of " : "")
                    + "run_id=" + runId + " workflow=" + run.getWorkflow()
                    + (requeue.steps().isEmpty() ? "" : " steps=" + requeue.steps()) + " (nudge " + nudge
                    + "; next look no earlier than in " + backoff.toSeconds() + " s)");
        } else {
            run.expectNothing(); // nothing is queued: executing work is watched through its lease
            if (snapshot.status() == RunStatus.FAILED && !snapshot.compensationOwed()) {
                run.releaseCompensation();
            }
        }
    }

    private WatchdogDecision.RunSnapshot snapshot(RunEntity run, Workflow workflow, Instant now) {
        List<WatchdogDecision.StepSnapshot> steps = new ArrayList<>();
        for (StepRunEntity row : stepRuns.forRun(run.getId())) {
            ClaimLiveness.Verdict verdict = null;
            if (row.isRunning()) {
                StepAttemptEntity latest = attempts.latest(row.getId());
                verdict = latest == null || !latest.isRunning() ? ClaimLiveness.Verdict.RELEASED
                        : latest.overran(now) ? ClaimLiveness.Verdict.EXPIRED // its next delivery fails it: step_timeout
                        : nodes.judge(latest.getLeaseNode(), latest.getLeaseUntil(), leases.holdsAttempt(latest.getId()),
                        now);
            }
            steps.add(new WatchdogDecision.StepSnapshot(row.getStep(), row.getStatus(), verdict,
                    EventWaits.waitsInTime(row, now) || ChildRuns.waits(row)));
        }
        boolean failed = run.getStatus() == RunStatus.FAILED;
        boolean owed = failed && compensations.available(run, workflow);
        ClaimLiveness.Verdict compensation = failed ? nodes.judge(run.getCompensationNode(),
                run.getCompensationUntil(), leases.holdsCompensation(run.getId()), now) : null;
        return new WatchdogDecision.RunSnapshot(run.getStatus(), workflow.isDependencyMode(),
                run.getCurrentStep(), steps, owed, compensation);
    }

    /** The grace, doubled for each nudge that did not help, at most 32 times. */
    private Duration backoff(int nudges) {
        Duration base = config.watchdogGrace().compareTo(config.watchdogPeriod()) > 0
                ? config.watchdogGrace() : config.watchdogPeriod();
        return base.multipliedBy(1L << Math.min(nudges, MAX_BACKOFF_DOUBLINGS));
    }
}
