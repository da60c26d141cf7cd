package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.DeliveryDeferredException;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.EngineConfig;
import io.squidmesh.runtime.internal.RunState;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.definition.DefinitionCheck;
import io.squidmesh.runtime.internal.recovery.ClaimLiveness;
import io.squidmesh.runtime.internal.recovery.Leases;
import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import io.squidmesh.runtime.internal.recovery.RunDeadlines;
import io.squidmesh.runtime.internal.waiting.ChildRuns;
import io.squidmesh.runtime.internal.waiting.EventWaits;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.StepKind;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Claims a delivered step under the run's row lock, in a short transaction of its own that commits before the
 * step runs (SPEC §6.5 B/C): decides whether the delivery is stale, a duplicate, a reconciliation or a new
 * attempt; moves the run to {@code running}; writes the step row and a {@code running} attempt leased to this
 * node ({@link Leases}, renewed while it executes).
 * <p>
 * A delivery that finds its step {@code running} asks {@link ClaimLiveness}: under a live lease the step is
 * executing somewhere and the delivery is skipped ({@code step.skipped}, {@code already_running}), however long
 * the step takes; otherwise (the lease lapsed, its node is gone, or this node abandoned it) the attempt is
 * failed with that reason and a new attempt starts. A batch step whose job runs has an attempt without a lease:
 * a delivery leases it for one look at the job, without a new attempt.
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
    DefinitionCheck definitions;

    @Inject
    RunTransitions transitions;

    @Inject
    Telemetry telemetry;

    @Inject
    NodeRegistry nodes;

    @Inject
    Leases leases;

    @Inject
    EngineConfig config;

    @Inject
    EventWaits eventWaits;

    @Inject
    StepApplier applier;

    @Inject
    RunDeadlines deadlines;

    @Inject
    ChildRuns childRuns;

    @Inject
    Slots slots;

    /**
     * The same claim inside the caller's transaction: the one that applied the step before and handed this one to
     * its delivering thread ({@link StepOutcomes}, {@link Continuations}), which already holds the run's lock.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Prepared prepareInCallersTransaction(UUID runId, String stepName, String deliveryId) {
        // the caller locked the run and changed it (not flushed yet): lock() would refresh those changes away
        return prepare(runs.find(runId), runId, stepName, deliveryId);
    }

    public Prepared prepare(UUID runId, String stepName, String deliveryId) {
        return prepare(runs.lock(runId), runId, stepName, deliveryId);
    }

    private Prepared prepare(RunEntity run, UUID runId, String stepName, String deliveryId) {
        if (run == null) {
            return new Prepared.Deferred(DeliveryDeferredException.Reason.UNKNOWN_RUN,
                    "step delivery for unknown run run_id=" + runId + " step=" + stepName);
        }
        RunStatus status = run.getStatus();
        Instant judgedAt = Clocks.now();
        DeliveryGate gate = DeliveryGate.judge(status, () -> definitions.judge(run), run.overran(judgedAt), stepName,
                run.getCurrentStep());
        if (gate instanceof DeliveryGate.CancelRun) {
            transitions.moveTo(run, RunStatus.CANCELLED, null);
            return new Prepared.Done("cancelled");
        }
        if (gate instanceof DeliveryGate.RunSettled settled) {
            return new Prepared.Done("run_" + settled.status().value());
        }
        if (gate instanceof DeliveryGate.Defer defer) {
            return new Prepared.Deferred(defer.reason(), defer.workflow() == null
                    ? "step delivery for run_id=" + runId + " of workflow " + run.getWorkflow()
                            + ", which is not deployed on this node"
                    : "step delivery for run_id=" + runId + " names step " + stepName + ", which workflow "
                            + defer.workflow().name() + " as deployed on this node does not declare");
        }
        if (gate instanceof DeliveryGate.HoldRun hold) {
            definitions.hold(run, hold.hold());
            return new Prepared.Done(hold.hold().reason());
        }
        if (gate instanceof DeliveryGate.ExpireRun expire) {
            deadlines.expire(run, expire.workflow(), judgedAt);
            return new Prepared.Done("run_deadline_exceeded");
        }
        if (gate instanceof DeliveryGate.Stale) {
            return new Prepared.Done("stale"); // an older job: the run has moved on
        }
        Workflow workflow = ((DeliveryGate.Open) gate).workflow();
        StepSpec step = ((DeliveryGate.Open) gate).step();

        StepRunEntity row = stepRuns.find(runId, stepName);
        if (workflow.isDependencyMode() && row == null) {
            return new Prepared.Done("not_scheduled");
        }
        Instant now = Clocks.now();
        Map<String, Object> state = RunState.state(run.getInput(), run.getContext());
        if (row == null || row.getStatus() != StepStatus.COMPLETED) {
            // steps settled whole in this transaction, never executed outside it
            if (step.kind() == StepKind.AWAIT_EVENT) {
                return eventWaits.deliver(run, workflow, step, row, state, deliveryId, now);
            }
            if (step.kind() == StepKind.CHILD_RUN) {
                return childRuns.deliver(run, workflow, step, row, state, deliveryId, now);
            }
        }
        boolean newAttempt = row == null || row.getStatus() == StepStatus.PENDING || row.getStatus() == StepStatus.FAILED;
        if (newAttempt && executes(step) && !slots.take(run, workflow, stepName, now)) {
            telemetry.stepSkipped(run, stepName, Telemetry.WAITING_FOR_SLOT);
            return new Prepared.Done(Telemetry.WAITING_FOR_SLOT); // a step that ends, or the watchdog, wakes it
        }
        StepError lastError = row == null || row.getLastError() == null ? null : new StepError(row.getLastError());
        boolean firstAttempt = row == null; // a row inserted here has no attempts: nothing to read to number this one
        if (row == null) {
            row = new StepRunEntity(UUID.randomUUID(), runId, stepName, StepStatus.RUNNING,
                    RunState.input(state, step.input()), step.recoveryPolicy(), now);
            stepRuns.insertNow(row); // before its attempt, which the query for the latest attempt used to ensure
        } else {
            switch (row.getStatus()) {
                case COMPLETED -> {
                    return workflow.isDependencyMode() ? new Prepared.Done("completed") : new Prepared.Reconcile();
                }
                case RUNNING -> {
                    StepAttemptEntity latest = attempts.latest(row.getId());
                    if (latest != null && latest.overran(now)) {
                        return timedOut(run, workflow, step, row, latest, state, now);
                    }
                    ClaimLiveness.Verdict verdict = liveness(latest, now);
                    if (verdict == ClaimLiveness.Verdict.LIVE) {
                        telemetry.stepSkipped(run, stepName, "already_running");
                        return new Prepared.Done("already_running");
                    }
                    if (waitsForBatch(step, row, latest)) {
                        return lookAtBatch(run, workflow, step, row, latest, state, now);
                    }
                    takeOver(run, row, latest, verdict, now);
                    row.reopen(RunState.input(state, step.input()), step.recoveryPolicy(), now);
                }
                case PENDING -> row.claimScheduled(now);
                case FAILED -> row.reopen(RunState.input(state, step.input()), step.recoveryPolicy(), now); // a retry
            }
        }

        if (status == RunStatus.PENDING || status == RunStatus.RETRYING) {
            transitions.moveTo(run, RunStatus.RUNNING, workflow.isDependencyMode() ? null : stepName);
        }
        run.resetNudges();
        StepAttemptEntity latest = firstAttempt ? null : attempts.latest(row.getId());
        int number = latest == null ? 1 : latest.getAttemptNumber() + 1;
        StepAttemptEntity attempt = new StepAttemptEntity(UUID.randomUUID(), row.getId(), number, AttemptStatus.RUNNING,
                deliveryId, now);
        if (step.kind() == StepKind.CUSTOM && step.timeout() != null) {
            attempt.mustEndBy(now.plus(step.timeout()));
        }
        lease(attempt, now);
        attempts.insert(attempt);
        telemetry.stepStarted(run, stepName, number);
        return new Prepared.Execute(new Claim(runId, workflow, step, row.getId(), attempt.getId(), number,
                row.getInput(), state, now, null, lastError));
    }

    /** Steps whose attempts execute code (and so count against a workflow's concurrency limit). */
    private static boolean executes(StepSpec step) {
        return step.kind() == StepKind.CUSTOM || step.kind() == StepKind.BATCH;
    }

    private ClaimLiveness.Verdict liveness(StepAttemptEntity attempt, Instant now) {
        if (attempt == null || !attempt.isRunning()) {
            return ClaimLiveness.Verdict.RELEASED;
        }
        return nodes.judge(attempt.getLeaseNode(), attempt.getLeaseUntil(), leases.holdsAttempt(attempt.getId()), now);
    }

    private void lease(StepAttemptEntity attempt, Instant now) {
        attempt.lease(nodes.id(), now.plus(config.leaseTtl()));
        leases.holdAttempt(attempt.getId());
        if (attempt.getDeadline() != null) {
            leases.interruptAt(attempt.getId(), attempt.getDeadline());
        }
    }

    /**
     * The running attempt overran its step's timeout (whoever runs it, or ran it): it fails with {@code step_timeout}
     * and the retry policy, error route or the run's failure follow. A result its code returns later is stale.
     */
    private Prepared timedOut(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity row,
                              StepAttemptEntity attempt, Map<String, Object> state, Instant now) {
        StepError error = StepError.timedOut(step.name(), Duration.between(attempt.getInsertedAt(),
                attempt.getDeadline()));
        attempt.finish(AttemptStatus.FAILED, error.json(), now);
        run.resetNudges();
        Claim claim = Claim.of(run, workflow, step, row, attempt, state);
        applier.failStep(run, row, claim, error, Duration.between(attempt.getInsertedAt(), now).toNanos(), now);
        LOG.warning(() -> "step attempt overran its timeout " + StepLogContext.describe(claim));
        return new Prepared.Done("step_timeout");
    }

    /** A batch step whose job was launched: its running attempt has no lease while the job runs. */
    private static boolean waitsForBatch(StepSpec step, StepRunEntity row, StepAttemptEntity latest) {
        return step.kind() == StepKind.BATCH && StepResume.read(row.getResume()) instanceof StepResume.Batch
                && latest != null && latest.isRunning();
    }

    /** Leases the batch attempt for one look at its job; the attempt stays the same. */
    private Prepared lookAtBatch(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity row,
                                 StepAttemptEntity attempt, Map<String, Object> state, Instant now) {
        lease(attempt, now);
        run.resetNudges();
        return new Prepared.Execute(Claim.of(run, workflow, step, row, attempt, state));
    }

    /** Fails the attempt nobody executes any more, so that a new one can start. */
    private void takeOver(RunEntity run, StepRunEntity row, StepAttemptEntity latest, ClaimLiveness.Verdict verdict,
                          Instant now) {
        Map<String, Object> error = new RuntimeError.TakenOver(verdict, latest == null ? null : latest.getLeaseNode(),
                latest == null ? null : latest.getLeaseUntil()).json();
        row.failWithAttempt(latest, error, now);
        LOG.warning(() -> "took over step run_id=" + run.getId() + " workflow=" + run.getWorkflow() + " step="
                + row.getStep() + ": " + error.get("message"));
    }
}
