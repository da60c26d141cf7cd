package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.DispatchException;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.compensation.Compensations;
import io.squidmesh.runtime.internal.operator.Cancellation;
import io.squidmesh.runtime.internal.waiting.ChildRuns;
import io.squidmesh.runtime.internal.waiting.EventWaits;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Ends runs that overran their workflow's deadline ({@code WorkflowBuilder.deadline}): the run fails with
 * {@code run_deadline_exceeded} and its compensations are queued, as for any failed run. Steps that wait (paused,
 * for an event, for a child run) fail with it, and a child run waited for is cancelled; a step executing right now
 * finishes, but its result no longer moves the settled run. With a deadline route, every step under way fails
 * instead and the run goes on at the route's step, its deadline spent. Called by the watchdog (which looks for runs past their
 * deadline) and by every step delivery, under the run's lock.
 */
@ApplicationScoped
@InCallersTransaction
public class RunDeadlines {

    private static final Logger LOG = Logger.getLogger(RunDeadlines.class.getName());

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    @Inject
    RunStore runs;

    @Inject
    RunTransitions transitions;

    @Inject
    Compensations compensations;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Cancellation cancellation;

    /** @return whether the run overran its deadline and was failed now */
    public boolean expire(RunEntity run, Workflow workflow, Instant now) {
        if (!run.overran(now) || run.getStatus() == RunStatus.CANCELLING) {
            return false; // in time, settled, or being cancelled already
        }
        Map<String, Object> error = new RuntimeError.DeadlineExceeded(run.getDeadline()).json();
        String route = workflow.isDependencyMode() ? null : workflow.deadlineRoute();
        for (StepRunEntity row : stepRuns.forRun(run.getId())) {
            boolean paused = run.getStatus() == RunStatus.PAUSED && row.getStep().equals(run.getCurrentStep());
            UUID child = ChildRuns.awaited(row);
            // failing: only what waits; executing steps finish, their results no longer move a failed run.
            // routing: everything under way, so that no late result moves the run on from where it was
            if (row.isRunning() && (route != null || paused || EventWaits.waits(row) || child != null)) {
                if (child != null) {
                    RunEntity childRun = runs.find(child);
                    if (childRun != null && !childRun.getStatus().isTerminal()
                            && childRun.getStatus() != RunStatus.CANCELLING) {
                        cancellation.cancel(child);
                    }
                }
                row.failWithAttempt(attempts.latest(row.getId()), error, now);
            }
        }
        if (route != null) {
            follow(run, route, error);
            return true;
        }
        transitions.fail(run, run.getCurrentStep(), error);
        if (compensations.available(run, workflow)) {
            dispatcher.enqueueCompensation(run);
        }
        LOG.warning(() -> "run_id=" + run.getId() + " workflow=" + run.getWorkflow() + " overran its deadline "
                + run.getDeadline() + ": failed");
        return true;
    }

    /** The deadline route: the run goes on at {@code route}, once (the deadline is spent). */
    private void follow(RunEntity run, String route, Map<String, Object> error) {
        LOG.warning(() -> "run_id=" + run.getId() + " workflow=" + run.getWorkflow() + " overran its deadline "
                + run.getDeadline() + ": following the deadline route to " + route);
        run.deadlineSpent();
        run.setLastError(error);
        if (run.getStatus() == RunStatus.RUNNING) {
            run.setCurrentStep(route);
            transitions.touch(run);
        } else {
            transitions.moveTo(run, RunStatus.RUNNING, route);
        }
        try {
            dispatcher.enqueueStep(run, route, java.time.Duration.ZERO);
        } catch (DispatchException e) {
            transitions.fail(run, route, new RuntimeError.NextStepNotQueued(route, e.reason()));
        }
    }
}
