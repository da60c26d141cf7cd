package io.squidmesh.runtime.internal;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

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

    @EJB
    CompensationRunner self;

    /** Joins the delivery's transaction, which holds no lock while callbacks run. */
    public void compensate(UUID runId) {
        RunEntity run = runs.find(runId);
        if (run == null) {
            LOG.warning(() -> "compensation delivery for unknown run run_id=" + runId + "; discarded");
            return;
        }
        if (!RunStatus.FAILED.value().equals(run.getStatus())) {
            LOG.warning(() -> "compensation delivery for run_id=" + runId + " ignored: "
                    + "invalid_compensation_run_status " + run.getStatus());
            return;
        }
        Optional<Workflow> workflow = registry.find(run.getWorkflow());
        if (workflow.isEmpty()) {
            LOG.severe(() -> "compensation delivery for run_id=" + runId + " of undeployed workflow "
                    + run.getWorkflow() + "; discarded");
            return;
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        for (StepRunEntity owed : compensations.owed(runId, workflow.get())) {
            StepSpec step = workflow.get().step(owed.getStep()).orElseThrow();
            Map<String, Object> input = self.begin(runId, owed.getId(), step.compensate().getName());
            StepContext context = new StepContext(runId, run.getWorkflow(), step.name(), 1,
                    run.getContext(), true);
            ExecutionOutcome outcome = self.invoke(step, input, context);
            Map<String, Object> error = self.finish(runId, owed.getId(), outcome);
            if (error != null) {
                LOG.warning(() -> "compensation execution failed run_id=" + runId + " step=" + step.name() + ": "
                        + error.get("message"));
                failures.add(error);
            }
        }
        if (!failures.isEmpty()) {
            summarize(runId, failures);
        }
    }

    /** Records the callback as running; returns its input (SPEC §6.12). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Object> begin(UUID runId, UUID stepRunId, String callback) {
        RunEntity run = runs.lock(runId);
        StepRunEntity row = stepRuns.get(stepRunId);
        Map<String, Object> compensation = new LinkedHashMap<>();
        compensation.put("callback", callback);
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
        return input;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExecutionOutcome invoke(StepSpec step, Map<String, Object> input, StepContext context) {
        return execution.invoke(step.compensate(), input, context);
    }

    /** Records the callback's result; returns its error, or null when it completed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Object> finish(UUID runId, UUID stepRunId, ExecutionOutcome outcome) {
        runs.lock(runId);
        StepRunEntity row = stepRuns.get(stepRunId);
        Map<String, Object> compensation = new LinkedHashMap<>(currentCompensation(row));
        String now = Clocks.now().toString();
        Map<String, Object> error = null;
        if (outcome instanceof ExecutionOutcome.Succeeded success) {
            compensation.put("status", "completed");
            compensation.put("output", success.output());
            compensation.put("completed_at", now);
        } else {
            error = outcome instanceof ExecutionOutcome.Failed failed ? failed.error()
                    : Map.of("message", "compensation callback returned an invalid result");
            compensation.put("status", "failed");
            compensation.put("error", error);
            compensation.put("failed_at", now);
        }
        setCompensation(row, compensation);
        return error;
    }

    private void summarize(UUID runId, List<Map<String, Object>> failures) {
        RunEntity run = runs.lock(runId);
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
        run.setUpdatedAt(Clocks.now());
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
