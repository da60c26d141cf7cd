package io.squidmesh.runtime.internal.compensation;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.EngineConfig;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.delivery.ExecutionOutcome;
import io.squidmesh.runtime.internal.recovery.ClaimLiveness;
import io.squidmesh.runtime.internal.recovery.Leases;
import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The transactions of a saga compensation (SPEC §6.12), each in its own: take the run's compensation lease and list
 * the owed callbacks, record a callback running, record its result, and end the delivery. {@link CompensationRunner}
 * runs the callbacks between them, outside any transaction. Each transaction first checks that this delivery still
 * holds the lease, so a delivery that lost it changes nothing.
 * <p>
 * Formerly the runner's own methods, called through a reference to itself; split so that each bean has one
 * transactional shape.
 *
 * @see CompensationRunner
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CompensationRecords {

    private static final Logger LOG = Logger.getLogger(CompensationRecords.class.getName());
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
    NodeRegistry nodes;

    @Inject
    Leases leases;

    @Inject
    EngineConfig config;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Telemetry telemetry;

    /** One callback about to run: its step, its input (SPEC §6.12) and the context it runs with. */
    record Callback(StepSpec step, Map<String, Object> input, StepContext context) {
    }

    /**
     * Takes the run's compensation lease and lists the owed callbacks (newest completion first), or returns null
     * when there is nothing to do: the run is unknown, not failed, of an undeployed workflow, owes nothing, or
     * another live delivery holds the lease.
     */
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
    public Callback begin(UUID runId, UUID stepRunId) {
        RunEntity run = runs.lock(runId);
        if (!holdsLease(run)) {
            return null;
        }
        StepRunEntity row = stepRuns.get(stepRunId);
        Workflow workflow = registry.requireForRun(run);
        StepSpec step = workflow.step(row.getStep()).orElseThrow();
        StepCompensation.begin(row, step.compensate().getName(), Clocks.now());

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
    public Map<String, Object> finish(UUID runId, UUID stepRunId, ExecutionOutcome outcome) {
        RunEntity run = runs.lock(runId);
        if (!holdsLease(run)) {
            LOG.warning(() -> "late compensation result ignored (lease lost) run_id=" + runId);
            return null;
        }
        StepRunEntity row = stepRuns.get(stepRunId);
        Instant now = Clocks.now();
        Map<String, Object> error = null;
        if (outcome instanceof ExecutionOutcome.Succeeded success) {
            StepCompensation.completed(row, success.output(), now);
        } else {
            error = outcome instanceof ExecutionOutcome.Failed failed ? failed.error().storable().json()
                    : Map.of("message", "compensation callback returned an invalid result");
            StepCompensation.failed(row, error, now);
        }
        telemetry.stepCompensated(run, row.getStep(),
                (error == null ? StepCompensation.Status.COMPLETED : StepCompensation.Status.FAILED).value());
        return error;
    }

    /**
     * The delivery is done: failures summarised, lease released. A step that completed after this delivery listed
     * the owed callbacks (a dependency-mode sibling) is queued for another compensation delivery; otherwise nothing
     * is expected of the run any more.
     */
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
}
