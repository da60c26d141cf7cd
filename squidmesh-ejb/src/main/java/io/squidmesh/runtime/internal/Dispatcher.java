package io.squidmesh.runtime.internal;

import io.squidmesh.executor.EnqueueOptions;
import io.squidmesh.executor.Executor;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.delivery.Continuations;
import io.squidmesh.runtime.internal.delivery.Slots;
import io.squidmesh.tracing.Tracing;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Hands work to the {@link Executor} inside the caller's transaction (SPEC §6.4). Pending database writes
 * are flushed first, so a constraint violation never follows a send, and the send is the last thing the
 * transaction does (JMS delivery delay counts from the send).
 */
@ApplicationScoped
@InCallersTransaction
public class Dispatcher {

    /** The dispatch event's executor metadata for a step the delivering thread runs next itself. */
    private static final Map<String, Object> CONTINUED = Map.of("executor", "continuation");

    @Inject
    Instance<Executor> executor;

    @Inject
    StepRunStore stepRuns;

    @Inject
    Telemetry telemetry;

    @Inject
    EngineConfig config;

    @Inject
    WorkflowRegistry registry;

    @Inject
    Tracing tracing;

    @Inject
    Continuations continuations;

    @PersistenceContext(unitName = "squidmesh")
    EntityManager em;

    /**
     * Records on the run by when the work just queued must have been delivered (its delay plus the watchdog's
     * grace): the watchdog re-queues what has not moved by then (DESIGN G3, nothing strands).
     */
    private void expectDelivery(RunEntity run, Duration delay) {
        run.expectProgressBy(Clocks.now().plus(delay).plus(config.watchdogGrace()));
    }

    /**
     * The run's priority, its workflow's queue (the version it is pinned to, else the newest), and the trace the
     * work continues ({@link Tracing#outgoing}).
     */
    private EnqueueOptions options(RunEntity run, EnqueueOptions base) {
        String queue = registry.forRun(run).or(() -> registry.find(run.getWorkflow())).map(Workflow::queue)
                .orElse(null);
        return base.withPriority(run.getPriority()).onQueue(queue).inTrace(tracing.outgoing(run.getTraceParent()));
    }

    /**
     * Queues one step without writing a row (transition mode, retries, resumes), unless the delivering thread runs
     * it next itself ({@link Continuations}): then nothing is sent (the same transaction claims the step for that
     * thread), and the run's progress is still expected as for a queued step, a second net under the claim's lease.
     */
    public void enqueueStep(RunEntity run, String step, Duration delay) {
        if (continuations.take(run.getId(), step, delay, () -> tracing.outgoing(run.getTraceParent()))) {
            expectDelivery(run, Duration.ZERO);
            telemetry.runDispatched(run, CONTINUED, EnqueueOptions.now());
            return;
        }
        EnqueueOptions options = options(run, EnqueueOptions.after(delay));
        expectDelivery(run, delay);
        em.flush();
        Map<String, Object> job;
        try {
            job = executor.get().enqueueStep(RunViews.run(run), step, options);
        } catch (RuntimeException e) {
            throw new DispatchException(e);
        }
        telemetry.runDispatched(run, job == null ? Map.of() : job, options);
    }

    /**
     * Dependency scheduling: writes a {@code pending} row (input snapshot, recovery policy) for each step
     * that has none yet and queues only those, so a join reached by two branches is queued once. If the
     * executor fails, the rows just written are removed and the failure is rethrown.
     *
     * @return the steps queued now
     */
    public List<String> scheduleSteps(RunEntity run, Workflow workflow, List<String> steps,
                                      Map<String, Object> state, Duration delay) {
        Set<String> existing = stepRuns.statuses(run.getId()).keySet();
        Instant now = Clocks.now();
        List<StepRunEntity> inserted = new ArrayList<>();
        for (String name : new LinkedHashSet<>(steps)) {
            if (existing.contains(name)) {
                continue;
            }
            StepSpec step = workflow.step(name).orElseThrow(() -> new IllegalStateException("unknown step " + name));
            StepRunEntity row = new StepRunEntity(UUID.randomUUID(), run.getId(), name, StepStatus.PENDING,
                    RunState.input(state, step.input()), step.recoveryPolicy(), now);
            stepRuns.insert(row);
            inserted.add(row);
        }
        List<String> queued = inserted.stream().map(StepRunEntity::getStep).toList();
        if (queued.isEmpty()) {
            return queued;
        }
        EnqueueOptions options = options(run, EnqueueOptions.after(delay));
        expectDelivery(run, delay);
        em.flush();
        List<Map<String, Object>> jobs;
        try {
            jobs = queued.size() == 1
                    ? List.of(executor.get().enqueueStep(RunViews.run(run), queued.get(0), options))
                    : executor.get().enqueueSteps(RunViews.run(run), queued, options);
        } catch (RuntimeException e) {
            inserted.forEach(stepRuns::delete);
            throw new DispatchException(e);
        }
        for (Map<String, Object> job : jobs) {
            telemetry.runDispatched(run, job == null ? Map.of() : job, options);
        }
        return queued;
    }

    /**
     * Queues a delivery of the step of a child's parent that waits for the child's end, in the transaction that
     * ends the child. The parent row is only read (its lock is not taken here, nor its expectations changed): the
     * delivery locks it and looks at the child.
     */
    public void wakeParent(RunEntity child) {
        RunEntity parent = em.find(RunEntity.class, child.getParentRunId());
        if (parent == null || parent.getStatus().isTerminal()) {
            return;
        }
        em.flush();
        try {
            executor.get().enqueueStep(RunViews.run(parent), child.getParentStep(),
                    options(parent, EnqueueOptions.now()));
        } catch (RuntimeException e) {
            throw new DispatchException(e);
        }
    }

    /**
     * Queues a delivery of a step that waited for a concurrency slot ({@link Slots}). The run row is only read,
     * never written or locked: the waker holds the workflow's lock, which the run's own delivery takes after the
     * run's lock.
     *
     * @return false when the run no longer moves on (ended, paused, cancelling): nothing was queued
     */
    public boolean wakeStep(UUID runId, String step, int priority) {
        RunEntity run = em.find(RunEntity.class, runId);
        if (run == null || !run.getStatus().schedulesNextStep()) {
            return false;
        }
        try {
            executor.get().enqueueStep(RunViews.run(run), step, options(run, EnqueueOptions.now()).withPriority(priority));
        } catch (RuntimeException e) {
            throw new DispatchException(e);
        }
        return true;
    }

    /** Queues the saga compensation of a run that just failed. */
    public void enqueueCompensation(RunEntity run) {
        expectDelivery(run, Duration.ZERO);
        em.flush();
        Map<String, Object> job;
        try {
            job = executor.get().enqueueCompensation(RunViews.run(run), options(run, EnqueueOptions.now()));
        } catch (RuntimeException e) {
            throw new DispatchException(e);
        }
        telemetry.runDispatched(run, job == null ? Map.of() : job, EnqueueOptions.now());
    }
}
