package io.squidmesh.runtime.internal;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.tracing.Tracing;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Runs the saga compensation of a failed run (SPEC §6.12): every owed callback, newest completion first,
 * each recorded {@code running} in its own transaction before it runs and {@code completed}/{@code failed}
 * after, so a crash or redelivery re-runs only what did not finish. A failing callback does not stop the
 * others; the failures are summarised in the run's {@code last_error}.
 * <p>
 * One delivery compensates a run at a time: it holds the run's compensation lease ({@code compensation_node},
 * {@code compensation_until}, renewed while it works, see {@link Leases}) from its first callback to its last.
 * Another delivery meanwhile (a duplicate message, the watchdog's) finds the lease live and does nothing, so
 * every callback runs once; a lease whose node is gone or that lapsed is taken over.
 */
@Stateless
public class CompensationRunner {

    private static final Logger LOG = Logger.getLogger(CompensationRunner.class.getName());
    static final String SUMMARY = "workflow step failed and compensation failed";

    @Inject
    RunStore runs;

    @Inject
    StepRunStore stepRuns;

    @Inject
    Compensations compensations;

    @Inject
    WorkflowRegistry registry;

    @Inject
    StepExecution execution;

    @Inject
    NodeRegistry nodes;

    @Inject
    Leases leases;

    @Inject
    EngineConfig config;

    @Inject
    Dispatcher dispatcher;

    @EJB
    CompensationRunner self;

    @Inject
    Tracing tracing;

    @Inject
    Telemetry telemetry;

    /** Runs outside any transaction: callbacks may be slow and hold no lock while they run. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void compensate(UUID runId) {
        List<UUID> owed = self.claim(runId);
        if (owed == null) {
            return;
        }
        try (Tracing.Span span = tracing.compensation(runId)) {
            List<Map<String, Object>> failures = new ArrayList<>();
            for (UUID stepRunId : owed) {
                Callback callback = self.begin(runId, stepRunId);
                if (callback == null) {
                    return; // the lease was lost: whoever holds it now finishes the job
                }
                ExecutionOutcome outcome = execution.invoke(callback.step().compensate(), callback.input(),
                        callback.context());
                Map<String, Object> error = self.finish(runId, stepRunId, outcome);
                if (error != null) {
                    LOG.warning(() -> "compensation execution failed run_id=" + runId + " step=" + callback.step().name()
                            + ": " + error.get("message"));
                    failures.add(error);
                }
            }
            self.release(runId, owed, failures);
            span.outcome(failures.isEmpty() ? "compensated" : "compensation_failed", !failures.isEmpty());
        } finally {
            leases.releaseCompensation(runId);
        }
    }

    /** One callback about to run: its step, its input (SPEC §6.12) and the context it runs with. */
    record Callback(StepSpec step, Map<String, Object> input, StepContext context) {
    }

    /**
     * Takes the run's compensation lease and lists the owed callbacks (newest completion first), or returns null
     * when there is nothing to do: the run is unknown, not failed, of an undeployed workflow, owes nothing, or
     * another live delivery holds the lease.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<UUID> claim(UUID runId) {
        RunEntity run = runs.lock(runId);
        if (run == null) {
            LOG.warning(() -> "compensation delivery for unknown run run_id=" + runId + "; discarded");
            return null;
        }
        if (run.getStatus() != RunStatus.FAILED) {
            LOG.warning(() -> "compensation delivery for run_id=" + runId + " ignored: "
                    + "invalid_compensation_run_status " + run.getStatus().value());
            return null;
        }
        Optional<Workflow> workflow = registry.forRun(run);
        if (workflow.isEmpty()) {
            LOG.severe(() -> "compensation delivery for run_id=" + runId + " of undeployed workflow "
                    + run.getWorkflow() + "; discarded");
            return null;
        }
        Instant now = Clocks.now();
        ClaimLiveness.Verdict verdict = liveness(run, now);
        if (verdict == ClaimLiveness.Verdict.LIVE) {
            LOG.info(() -> "compensation delivery for run_id=" + runId + " skipped: another delivery compensates it");
            return null;
        }
        List<UUID> owed = compensations.owed(runId, workflow.get()).stream().map(StepRunEntity::getId).toList();
        if (owed.isEmpty()) {
            run.releaseCompensation();
            run.expectNothing();
            return null;
        }
        if (run.getCompensationNode() != null) {
            LOG.warning(() -> "took over the compensation of run_id=" + runId + " (" + verdict.reason() + ")");
        }
        run.leaseCompensation(nodes.id(), now.plus(config.leaseTtl()));
        run.resetNudges();
        leases.holdCompensation(runId);
        return owed;
    }

    /** Records the callback as running, if this delivery still holds the lease; returns what it runs with. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Callback begin(UUID runId, UUID stepRunId) {
        RunEntity run = runs.lock(runId);
        if (!holdsLease(run)) {
            return null;
        }
        StepRunEntity row = stepRuns.get(stepRunId);
        Workflow workflow = registry.requireForRun(run);
        StepSpec step = workflow.step(row.getStep()).orElseThrow();
        Map<String, Object> compensation = new LinkedHashMap<>();
        compensation.put("callback", step.compensate().getName());
        compensation.put("status", "running");
        compensation.put("started_at", Clocks.now().toString());
        setCompensation(row, compensation);

        Map<String, Object> stepView = new LinkedHashMap<>();
        stepView.put("name", row.getStep());
        stepView.put("input", row.getInput());
        stepView.put("output", row.getOutput());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("payload", run.getInput());
        input.put("context", run.getContext());
        input.put("step", stepView);
        input.put("failure", run.getLastError());
        return new Callback(step, input, new StepContext(runId, run.getWorkflow(), step.name(), 1, run.getContext(), true));
    }

    /** Records the callback's result; returns its error, or null when it completed (or the lease was lost). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Object> finish(UUID runId, UUID stepRunId, ExecutionOutcome outcome) {
        RunEntity run = runs.lock(runId);
        if (!holdsLease(run)) {
            LOG.warning(() -> "late compensation result ignored (lease lost) run_id=" + runId);
            return null;
        }
        StepRunEntity row = stepRuns.get(stepRunId);
        Map<String, Object> compensation = new LinkedHashMap<>(currentCompensation(row));
        String now = Clocks.now().toString();
        Map<String, Object> error = null;
        if (outcome instanceof ExecutionOutcome.Succeeded success) {
            compensation.put("status", "completed");
            compensation.put("output", success.output());
            compensation.put("completed_at", now);
        } else {
            error = outcome instanceof ExecutionOutcome.Failed failed ? failed.error().storable().json()
                    : Map.of("message", "compensation callback returned an invalid result");
            compensation.put("status", "failed");
            compensation.put("error", error);
            compensation.put("failed_at", now);
        }
        setCompensation(row, compensation);
        telemetry.stepCompensated(run, row.getStep(), (String) compensation.get("status"));
        return error;
    }

    /**
     * The delivery is done: failures summarised, lease released. A step that completed after this delivery listed
     * the owed callbacks (a dependency-mode sibling) is queued for another compensation delivery; otherwise nothing
     * is expected of the run any more.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(UUID runId, List<UUID> processed, List<Map<String, Object>> failures) {
        RunEntity run = runs.lock(runId);
        if (!holdsLease(run)) {
            return;
        }
        if (!failures.isEmpty()) {
            summarize(run, failures);
        }
        run.releaseCompensation();
        run.expectNothing();
        run.setUpdatedAt(Clocks.now());
        boolean newlyOwed = compensations.owed(runId, registry.requireForRun(run)).stream()
                .anyMatch(row -> !processed.contains(row.getId()));
        if (newlyOwed) {
            dispatcher.enqueueCompensation(run);
        }
    }

    private boolean holdsLease(RunEntity run) {
        return run != null && nodes.id().equals(run.getCompensationNode()) && leases.holdsCompensation(run.getId());
    }

    private ClaimLiveness.Verdict liveness(RunEntity run, Instant now) {
        return nodes.judge(run.getCompensationNode(), run.getCompensationUntil(),
                leases.holdsCompensation(run.getId()), now);
    }

    private static void summarize(RunEntity run, List<Map<String, Object>> failures) {
        Map<String, Object> previous = run.getLastError();
        if (previous != null && SUMMARY.equals(previous.get("message")) && previous.get("cause") instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cause = (Map<String, Object>) previous.get("cause");
            previous = cause; // a redelivery: summarise the original failure again, not the old summary
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("message", SUMMARY);
        summary.put("failed_step", run.getCurrentStep());
        summary.put("cause", previous);
        summary.put("compensation_failures", failures);
        run.setLastError(summary);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> currentCompensation(StepRunEntity row) {
        return row.getRecovery() != null && row.getRecovery().get("compensation") instanceof Map<?, ?> c
                ? (Map<String, Object>) c : Map.of();
    }

    private static void setCompensation(StepRunEntity row, Map<String, Object> compensation) {
        Map<String, Object> recovery = new LinkedHashMap<>(row.getRecovery() == null ? Map.of() : row.getRecovery());
        recovery.put("compensation", compensation);
        row.setRecovery(recovery);
        row.setUpdatedAt(Clocks.now());
    }
}
