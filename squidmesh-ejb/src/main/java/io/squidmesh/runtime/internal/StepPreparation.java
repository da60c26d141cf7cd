package io.squidmesh.runtime.internal;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Claims a delivered step under the run's row lock, in a transaction of its own that commits before the
 * step runs (SPEC §6.5 B/C): decides whether the delivery is stale, a duplicate, a reconciliation or a new
 * attempt; moves the run to {@code running}; writes the step row and a {@code running} attempt that
 * remembers which delivery claimed it.
 * <p>
 * A step row left {@code running} is taken over (its attempt failed, a new one started) in two cases: the
 * same message is delivered again, which means the delivery that claimed it died before committing its
 * result (DESIGN G3), or it has been running longer than {@code squidmesh.stale-step-timeout}. Any other
 * delivery that finds it running is skipped ({@code step.skipped}, {@code already_running}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StepPreparation {

    private static final Logger LOG = Logger.getLogger(StepPreparation.class.getName());

    @Inject
    RunStore runs;

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    @Inject
    WorkflowRegistry registry;

    @Inject
    RunTransitions transitions;

    @Inject
    Telemetry telemetry;

    @Inject
    EngineConfig config;

    public Prepared prepare(UUID runId, String stepName, String deliveryId) {
        RunEntity run = runs.lock(runId);
        if (run == null) {
            LOG.warning(() -> "step delivery for unknown run run_id=" + runId + " step=" + stepName + "; discarded");
            return new Prepared.Done("not_found");
        }
        RunStatus status = RunStatus.of(run.getStatus());
        if (status == RunStatus.CANCELLING) {
            transitions.moveTo(run, RunStatus.CANCELLED, null);
            return new Prepared.Done("cancelled");
        }
        if (!status.schedulesNextStep()) {
            return new Prepared.Done("run_" + status.value());
        }
        Optional<Workflow> found = registry.find(run.getWorkflow());
        if (found.isEmpty()) {
            LOG.severe(() -> "step delivery for run_id=" + runId + " of workflow " + run.getWorkflow()
                    + ", which is not deployed; discarded");
            return new Prepared.Done("invalid_workflow");
        }
        Workflow workflow = found.get();
        Optional<StepSpec> declared = workflow.step(stepName);
        if (declared.isEmpty()) {
            LOG.severe(() -> "step delivery for run_id=" + runId + " names step " + stepName + ", which workflow "
                    + workflow.name() + " does not declare; discarded");
            return new Prepared.Done("invalid_step");
        }
        StepSpec step = declared.get();
        if (!workflow.isDependencyMode() && !stepName.equals(run.getCurrentStep())) {
            return new Prepared.Done("stale"); // an older job: the run has moved on
        }

        StepRunEntity row = stepRuns.find(runId, stepName);
        Map<String, Object> lastError = row == null ? null : row.getLastError();
        if (workflow.isDependencyMode() && row == null) {
            return new Prepared.Done("not_scheduled");
        }
        Instant now = Clocks.now();
        Map<String, Object> state = RunState.state(run.getInput(), run.getContext());
        if (row != null) {
            switch (row.getStatus()) {
                case "completed" -> {
                    return workflow.isDependencyMode() ? new Prepared.Done("completed") : new Prepared.Reconcile();
                }
                case "running" -> {
                    if (waitsForBatch(step, row)) {
                        return checkBatch(run, workflow, step, row, state, deliveryId, now);
                    }
                    if (!takeOver(run, row, deliveryId, now)) {
                        telemetry.stepSkipped(run, stepName, "already_running");
                        return new Prepared.Done("already_running");
                    }
                    reopen(row, RunState.input(state, step.input()), step, now);
                }
                case "pending" -> claimPending(row, now);
                default -> reopen(row, RunState.input(state, step.input()), step, now); // failed: a retry
            }
        } else {
            row = new StepRunEntity(UUID.randomUUID(), runId, stepName, "running",
                    RunState.input(state, step.input()), step.recoveryPolicy(), now);
            stepRuns.insert(row);
        }

        if (status == RunStatus.PENDING || status == RunStatus.RETRYING) {
            transitions.moveTo(run, RunStatus.RUNNING, workflow.isDependencyMode() ? null : stepName);
        }
        StepAttemptEntity latest = attempts.latest(row.getId());
        int number = latest == null ? 1 : latest.getAttemptNumber() + 1;
        StepAttemptEntity attempt = new StepAttemptEntity(UUID.randomUUID(), row.getId(), number, "running",
                deliveryId, now);
        attempts.insert(attempt);
        telemetry.stepStarted(run, stepName, number);
        return new Prepared.Execute(new Claim(runId, workflow, step, row.getId(), attempt.getId(), number,
                row.getInput(), state, now, null, lastError));
    }

    /** A batch step whose job was launched: this delivery only looks at the job, with the attempt that launched it. */
    private static boolean waitsForBatch(StepSpec step, StepRunEntity row) {
        return step.kind() == io.squidmesh.workflow.StepKind.BATCH && row.getResume() != null
                && "batch".equals(row.getResume().get("kind"));
    }

    private Prepared checkBatch(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity row,
                                Map<String, Object> state, String deliveryId, Instant now) {
        StepAttemptEntity attempt = attempts.latest(row.getId());
        if (attempt == null || !"running".equals(attempt.getStatus())) {
            return new Prepared.Done("batch_attempt_settled");
        }
        LOG.fine(() -> "checking batch step run_id=" + run.getId() + " step=" + step.name() + " delivery=" + deliveryId);
        return new Prepared.Execute(new Claim(run.getId(), workflow, step, row.getId(), attempt.getId(),
                attempt.getAttemptNumber(), row.getInput(), state, attempt.getInsertedAt(), row.getResume(),
                row.getLastError()));
    }

    /** Fails the running attempt so a new one can start, when its delivery died or it is stale. */
    private boolean takeOver(RunEntity run, StepRunEntity row, String deliveryId, Instant now) {
        StepAttemptEntity latest = attempts.latest(row.getId());
        Map<String, Object> error = new LinkedHashMap<>();
        if (latest != null && deliveryId != null && deliveryId.equals(latest.getDeliveryId())
                && "running".equals(latest.getStatus())) {
            error.put("message", "step attempt reclaimed after its delivery was interrupted before it committed");
            error.put("reason", "interrupted_delivery");
            error.put("delivery_id", deliveryId);
        } else {
            Optional<Duration> timeout = config.staleStepTimeout();
            if (timeout.isEmpty() || Duration.between(row.getUpdatedAt(), now).compareTo(timeout.get()) < 0) {
                return false;
            }
            error.put("message", "step attempt reclaimed after exceeding stale running timeout");
            error.put("reason", "stale_running_step");
            error.put("stale_step_timeout_ms", timeout.get().toMillis());
        }
        if (latest != null && "running".equals(latest.getStatus())) {
            latest.setStatus("failed");
            latest.setError(error);
            latest.setUpdatedAt(now);
        }
        row.setStatus("failed");
        row.setLastError(error);
        row.setUpdatedAt(now);
        LOG.warning(() -> "reclaimed running step run_id=" + run.getId() + " workflow=" + run.getWorkflow()
                + " step=" + row.getStep() + ": " + error.get("reason"));
        return true;
    }

    private static void claimPending(StepRunEntity row, Instant now) {
        row.setStatus("running");
        row.setOutput(null);
        row.setResume(null);
        row.setLastError(null);
        row.setUpdatedAt(now);
    }

    /** A failed row runs again with a fresh input and recovery snapshot (retries and reclaims). */
    private static void reopen(StepRunEntity row, Map<String, Object> input, StepSpec step, Instant now) {
        row.setStatus("running");
        row.setInput(input);
        row.setRecovery(step.recoveryPolicy());
        row.setOutput(null);
        row.setResume(null);
        row.setUpdatedAt(now);
    }
}
