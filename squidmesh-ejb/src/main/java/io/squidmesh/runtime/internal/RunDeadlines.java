package io.squidmesh.runtime.internal;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Ends runs that overran their workflow's deadline ({@code WorkflowBuilder.deadline}): the run fails with
 * {@code run_deadline_exceeded} and its compensations are queued, as for any failed run. Steps that wait (paused,
 * for an event, for a child run) fail with it, and a child run waited for is cancelled; a step executing right now
 * finishes, but its result no longer moves the settled run. Called by the watchdog (which looks for runs past their
 * deadline) and by every step delivery, under the run's lock.
 */
@ApplicationScoped
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
    boolean expire(RunEntity run, Workflow workflow, Instant now) {
        if (!run.overran(now) || run.getStatus() == RunStatus.CANCELLING) {
            return false; // in time, settled, or being cancelled already
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "run did not end by its deadline " + run.getDeadline());
        error.put("reason", "run_deadline_exceeded");
        error.put("deadline_at", run.getDeadline().toString());
        for (StepRunEntity row : stepRuns.forRun(run.getId())) {
            boolean paused = run.getStatus() == RunStatus.PAUSED && row.getStep().equals(run.getCurrentStep());
            UUID child = ChildRuns.awaited(row);
            if (row.isRunning() && (paused || EventWaits.waits(row) || child != null)) {
                if (child != null) {
                    RunEntity childRun = runs.find(child);
                    if (childRun != null && !childRun.getStatus().isTerminal()
                            && childRun.getStatus() != RunStatus.CANCELLING) {
                        cancellation.cancel(child);
                    }
                }
                StepAttemptEntity attempt = attempts.latest(row.getId());
                if (attempt != null && attempt.isRunning()) {
                    attempt.finish(AttemptStatus.FAILED, error, now);
                }
                row.fail(error, now);
            }
        }
        String step = run.getCurrentStep();
        run.setLastError(error);
        transitions.moveTo(run, RunStatus.FAILED, step);
        if (compensations.available(run, workflow)) {
            dispatcher.enqueueCompensation(run);
        }
        LOG.warning(() -> "run_id=" + run.getId() + " workflow=" + run.getWorkflow() + " overran its deadline "
                + run.getDeadline() + ": failed");
        return true;
    }
}
