package io.squidmesh.runtime.internal.operator;

import io.squidmesh.InvalidMigrationException;
import io.squidmesh.InvalidTransitionException;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.DispatchException;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunState;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.workflow.DependencyProgress;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Moves a paused run to a deployed version of its workflow (SquidMesh#migrateRun), under the run lock, in one
 * transaction: checked first (nothing changes when the version or step does not fit), then the unfinished row of the
 * step it was paused at is set aside ({@code failed}, reason {@code migrated}), the run is pinned to the target's
 * graph, the migration is recorded for the audit trail, and the work it goes on with is queued.
 */
@ApplicationScoped
@InCallersTransaction
public class RunMigrations {

    static final String MIGRATED = "migrated";

    private static final Logger LOG = Logger.getLogger(RunMigrations.class.getName());

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
    Dispatcher dispatcher;

    /** @param caller the authenticated caller's name, or null when there is none */
    public RunEntity migrate(UUID runId, String toVersion, String atStep, String caller) {
        RunEntity run = runs.lock(runId);
        if (run == null) {
            throw new RunNotFoundException(runId.toString());
        }
        String id = runId.toString();
        if (toVersion == null || toVersion.isBlank()) {
            throw new InvalidMigrationException(id, "version", "the version to migrate to is required");
        }
        if (run.getStatus() != RunStatus.PAUSED) {
            throw new InvalidTransitionException(id, run.getStatus().value(), RunStatus.RUNNING.value());
        }
        Workflow target = registry.find(run.getWorkflow(), toVersion).orElseThrow(() ->
                new InvalidMigrationException(id, "version", "workflow " + run.getWorkflow() + " has no deployed version "
                        + toVersion + " (deployed: " + String.join(", ", registry.versions(run.getWorkflow()).stream()
                        .map(Workflow::version).toList()) + ")"));
        checkStep(id, target, atStep);

        Instant now = Clocks.now();
        Map<String, Object> migration = new LinkedHashMap<>();
        migration.put("from_version", run.getWorkflowVersion());
        migration.put("from_fingerprint", run.getDefinitionFingerprint());
        migration.put("from_step", run.getCurrentStep());
        migration.put("to_version", target.version());
        migration.put("to_fingerprint", target.fingerprint());
        migration.put("to_step", atStep);
        if (run.getDefinitionHold() != null) {
            migration.put("hold", run.getDefinitionHold().get("reason"));
        }
        migration.put("actor", caller);
        migration.put("at", now.toString());
        if (run.getCurrentStep() != null) {
            setAside(run, run.getCurrentStep(), target, atStep, now);
        }
        run.recordMigration(migration);
        run.pinTo(target.version(), target.fingerprint());
        run.setLastError(null);
        try {
            if (target.isDependencyMode()) {
                goOnByDependencies(run, target);
            } else {
                transitions.moveTo(run, RunStatus.RUNNING, atStep);
                dispatcher.enqueueStep(run, atStep, Duration.ZERO);
            }
        } catch (DispatchException e) {
            throw e.forCaller();
        }
        LOG.info(() -> "run_id=" + id + " migrated " + migration);
        return run;
    }

    private static void checkStep(String id, Workflow target, String atStep) {
        if (target.isDependencyMode()) {
            if (atStep != null) {
                throw new InvalidMigrationException(id, "step", "version " + target.version() + " of workflow "
                        + target.name() + " runs by dependencies: the run goes on by them, so give no step");
            }
            return;
        }
        if (atStep == null || atStep.isBlank()) {
            throw new InvalidMigrationException(id, "step", "the step of version " + target.version()
                    + " to go on at is required");
        }
        if (target.step(atStep).isEmpty()) {
            throw new InvalidMigrationException(id, "step", "version " + target.version() + " of workflow "
                    + target.name() + " declares no step " + atStep);
        }
    }

    /** The row of the step the run was paused at, unless it completed, fails as migrated (its attempt too). */
    private void setAside(RunEntity run, String step, Workflow target, String atStep, Instant now) {
        StepRunEntity row = stepRuns.find(run.getId(), step);
        if (row == null || row.getStatus() == StepStatus.COMPLETED) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "set aside: the run was migrated to version " + target.version()
                + (atStep == null ? "" : " at step " + atStep));
        error.put("reason", MIGRATED);
        row.failWithAttempt(attempts.latest(row.getId()), error, now);
    }

    /**
     * A dependency-mode run: its unfinished steps that the target declares are delivered again (a pending one is
     * claimed, a failed one retried), and the steps the target's dependencies now allow are scheduled.
     */
    private void goOnByDependencies(RunEntity run, Workflow target) {
        transitions.moveTo(run, RunStatus.RUNNING, null);
        List<String> unfinished = stepRuns.forRun(run.getId()).stream()
                .filter(row -> row.getStatus() != StepStatus.COMPLETED)
                .map(StepRunEntity::getStep)
                .filter(step -> target.step(step).isPresent())
                .toList();
        for (String step : unfinished) {
            dispatcher.enqueueStep(run, step, Duration.ZERO);
        }
        DependencyProgress progress = target.dependencyProgress(stepRuns.statuses(run.getId()));
        if (progress instanceof DependencyProgress.Complete) {
            transitions.moveTo(run, RunStatus.COMPLETED, null);
        } else if (progress instanceof DependencyProgress.Dispatch dispatch) {
            dispatcher.scheduleSteps(run, target, dispatch.steps(), RunState.state(run.getInput(), run.getContext()),
                    Duration.ZERO);
        }
    }
}
