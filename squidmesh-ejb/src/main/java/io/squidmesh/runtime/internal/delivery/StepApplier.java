package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.DispatchException;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.FailureRoute;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunState;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.compensation.Compensations;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.workflow.DependencyProgress;
import io.squidmesh.workflow.Outcome;
import io.squidmesh.workflow.RetryPolicy;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.TransitionSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Applies an attempt's result in one transaction (SPEC §6.5 E, §6.6–§6.7): the attempt and step rows, the
 * run's progression, and the successor, retry, error route or compensation it implies all commit together
 * (DESIGN G1). Every method locks the run first; a claim that no longer holds ({@link ClaimFence}) changes nothing.
 * The step kinds that wait have their own: {@code PauseProgress}, {@code BatchProgress}.
 */
@ApplicationScoped
@InCallersTransaction
public class StepApplier {

    private static final Logger LOG = Logger.getLogger(StepApplier.class.getName());

    @Inject
    RunStore runs;

    @Inject
    StepRunStore stepRuns;

    @Inject
    WorkflowRegistry registry;

    @Inject
    RunTransitions transitions;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Compensations compensations;

    @Inject
    ClaimFence fence;

    @Inject
    Telemetry telemetry;

    @Inject
    Slots slots;

    /** @return false when the claim was no longer current (taken over): nothing was written */
    public boolean applySuccess(Claim claim, Map<String, Object> output, Duration scheduleIn, long durationNanos) {
        RunEntity run = runs.lock(claim.runId());
        Instant now = Clocks.now();
        StepRunEntity row = finishAttempt(run, claim, AttemptStatus.COMPLETED, null, now);
        if (row == null) {
            return false;
        }
        completeStep(run, row, claim, output, scheduleIn, durationNanos, now);
        return true;
    }

    /** The claim's step completed with {@code output} (its attempt is finished): record it and move the run on. */
    void completeStep(RunEntity run, StepRunEntity row, Claim claim, Map<String, Object> output, Duration scheduleIn,
                      long durationNanos, Instant now) {
        Map<String, Object> mapped = RunState.mapOutput(output, claim.step().output());
        row.complete(mapped, now);
        telemetry.stepCompleted(run, claim.stepName(), claim.attemptNumber(), durationNanos);
        if (run.getStatus() == RunStatus.FAILED && claim.step().compensate() != null) {
            // a sibling that completed after the run failed (dependency mode) owes its compensation too
            dispatcher.enqueueCompensation(run);
            return;
        }
        advance(run, claim.workflow(), claim.step(), mapped, scheduleIn);
    }

    /** The step row completed but the run did not move on (its apply was lost): move on from the stored output. */
    public void reconcile(UUID runId, String step) {
        RunEntity run = runs.lock(runId);
        Optional<Workflow> workflow = registry.forRun(run);
        StepRunEntity row = stepRuns.find(runId, step);
        if (workflow.isEmpty() || row == null || row.getStatus() != StepStatus.COMPLETED
                || !step.equals(run.getCurrentStep()) || !run.getStatus().schedulesNextStep()) {
            return;
        }
        advance(run, workflow.get(), workflow.get().step(step).orElseThrow(), row.getOutput(), Duration.ZERO);
    }

    /**
     * Queues {@code step}, which an applied outcome handed to the delivering thread ({@link Continuations}) and
     * that thread could not deliver, if the run still expects it: its current step, the run moving on. Queued
     * twice at worst (a watchdog round came first), which the delivery fences.
     */
    public void handOff(UUID runId, String step) {
        RunEntity run = runs.lock(runId);
        if (run != null && run.getStatus().schedulesNextStep() && step.equals(run.getCurrentStep())) {
            dispatcher.enqueueStep(run, step, Duration.ZERO);
        }
    }

    /** @return false when the claim was no longer current (taken over): nothing was written */
    public boolean applyFailure(Claim claim, StepError error, long durationNanos) {
        RunEntity run = runs.lock(claim.runId());
        Instant now = Clocks.now();
        StepRunEntity row = finishAttempt(run, claim, AttemptStatus.FAILED, error.json(), now);
        if (row == null) {
            return false;
        }
        failStep(run, row, claim, error, durationNanos, now);
        return true;
    }

    /**
     * The claim's step failed with {@code error} (its attempt is finished): record it and follow the retry policy,
     * the error route, or fail the run (and queue its compensation).
     */
    void failStep(RunEntity run, StepRunEntity row, Claim claim, StepError error, long durationNanos,
                  Instant now) {
        row.fail(error.json(), now);
        telemetry.stepFailed(run, claim.stepName(), claim.attemptNumber(), durationNanos, error.json());

        RunStatus status = run.getStatus();
        if (status.isTerminal()) {
            return;
        }
        if (status == RunStatus.CANCELLING) {
            transitions.moveTo(run, RunStatus.CANCELLED, null);
            return;
        }
        Workflow workflow = claim.workflow();
        StepSpec step = claim.step();
        RetryPolicy policy = step.retry();
        if (error.retryable() && policy != null && policy.retriesAfter(claim.attemptNumber())) {
            scheduleRetry(run, claim, error, policy);
            return;
        }
        Optional<TransitionSpec> route = workflow.isDependencyMode()
                ? Optional.empty() : workflow.transition(step.name(), Outcome.ERROR);
        if (route.isPresent()) {
            followErrorRoute(run, row, claim, route.get());
            return;
        }
        LOG.severe(() -> "workflow step failed " + StepLogContext.describe(claim) + ": " + error.message());
        transitions.fail(run, step.name(), error.json()); // the step's own error
        if (compensations.available(run, workflow)) {
            dispatcher.enqueueCompensation(run); // a failure here rolls the whole apply back (SPEC §18.10)
        }
    }

    // ---- success progression (SPEC §6.6) --------------------------------------------------------

    void advance(RunEntity run, Workflow workflow, StepSpec step, Map<String, Object> mapped, Duration scheduleIn) {
        RunStatus status = run.getStatus();
        if (status.isTerminal()) {
            return; // its output is not merged into a settled run
        }
        Map<String, Object> context = RunState.merge(run.getContext(), mapped);
        if (status == RunStatus.CANCELLING) {
            run.setContext(context);
            run.setLastError(null);
            transitions.moveTo(run, RunStatus.CANCELLED, null);
            return;
        }
        if (workflow.isDependencyMode()) {
            advanceDependencies(run, workflow, step, context, status, scheduleIn);
        } else {
            advanceTransition(run, workflow, step, context, scheduleIn);
        }
    }

    private void advanceTransition(RunEntity run, Workflow workflow, StepSpec step, Map<String, Object> context,
                                   Duration scheduleIn) {
        run.setContext(context);
        Optional<TransitionSpec> next = workflow.transition(step.name(), Outcome.OK);
        if (next.isEmpty()) {
            transitions.fail(run, step.name(), new RuntimeError.NoTransition(step.name()));
            return;
        }
        if (next.get().completes()) {
            run.setLastError(null);
            transitions.moveTo(run, RunStatus.COMPLETED, null);
            return;
        }
        String target = next.get().to();
        run.setCurrentStep(target);
        run.setLastError(null);
        transitions.touch(run);
        try {
            dispatcher.enqueueStep(run, target, scheduleIn);
        } catch (DispatchException e) {
            transitions.fail(run, target, new RuntimeError.NextStepNotQueued(target, e.reason()));
        }
    }

    private void advanceDependencies(RunEntity run, Workflow workflow, StepSpec step, Map<String, Object> context,
                                     RunStatus status, Duration scheduleIn) {
        run.setContext(context);
        transitions.touch(run);
        if (status == RunStatus.RETRYING) {
            return; // a sibling waits for its retry; it will move the run on
        }
        DependencyProgress progress = workflow.dependencyProgress(stepRuns.statuses(run.getId()));
        if (progress instanceof DependencyProgress.Complete) {
            run.setLastError(null);
            transitions.moveTo(run, RunStatus.COMPLETED, null);
        } else if (progress instanceof DependencyProgress.Dispatch dispatch) {
            run.setCurrentStep(null);
            try {
                dispatcher.scheduleSteps(run, workflow, dispatch.steps(), RunState.state(run.getInput(), context),
                        scheduleIn);
            } catch (DispatchException e) {
                transitions.fail(run, null, new RuntimeError.ReadyStepsNotQueued(dispatch.steps(), e.reason()));
            }
        } else if (progress instanceof DependencyProgress.Stuck stuck) {
            transitions.fail(run, step.name(), new RuntimeError.NoRunnableStep(step.name(), stuck.pendingSteps()));
        }
    }

    // ---- failure progression (SPEC §6.7) --------------------------------------------------------

    private void scheduleRetry(RunEntity run, Claim claim, StepError error, RetryPolicy policy) {
        Long retryAfter = error.retryAfterMillis();
        long delay = retryAfter != null ? retryAfter : policy.delayMillis(claim.attemptNumber());
        LOG.warning(() -> "workflow step failed; scheduling retry " + StepLogContext.describe(claim) + " delay_ms="
                + delay);
        run.setLastError(error.json());
        try {
            dispatcher.enqueueStep(run, claim.stepName(), Duration.ofMillis(delay));
        } catch (DispatchException e) {
            transitions.fail(run, claim.stepName(),
                    new RuntimeError.RetryNotQueued(claim.stepName(), error.json(), e.reason()));
            return;
        }
        telemetry.retryScheduled(run, claim.stepName(), claim.attemptNumber(), delay);
        transitions.ensure(run, RunStatus.RETRYING, claim.stepName());
    }

    private void followErrorRoute(RunEntity run, StepRunEntity row, Claim claim, TransitionSpec route) {
        LOG.warning(() -> "workflow step failed; routing to error transition " + StepLogContext.describe(claim)
                + " target=" + route.to());
        if (route.recovery() != null) {
            new FailureRoute(route.recovery().value(), route.to()).recordOn(row);
        }
        run.setLastError(null);
        if (route.completes()) {
            transitions.moveTo(run, RunStatus.COMPLETED, null);
            return;
        }
        run.setCurrentStep(route.to());
        transitions.touch(run);
        try {
            dispatcher.enqueueStep(run, route.to(), Duration.ZERO);
        } catch (DispatchException e) {
            transitions.fail(run, route.to(), new RuntimeError.RouteNotQueued(route.to(), e.reason()));
        }
    }

    // ---- rows ------------------------------------------------------------------------------------

    /**
     * Finishes the claim's attempt if the claim is still current; null when it was taken over meanwhile (the
     * caller then writes nothing, and a transactional step rolls its own work back).
     */
    private StepRunEntity finishAttempt(RunEntity run, Claim claim, AttemptStatus status, Map<String, Object> error,
                                        Instant now) {
        Optional<ClaimFence.Held> held = fence.held(claim).filter(h -> h.row().isRunning());
        if (held.isEmpty()) {
            LOG.warning(() -> "late result ignored (stale_attempt) " + StepLogContext.describe(claim));
            return null;
        }
        held.get().attempt().finish(status, error, now);
        run.resetNudges();
        slots.released(claim.workflow(), now);
        return held.get().row();
    }

}
