package io.squidmesh.runtime.internal.query;

import io.squidmesh.AuditEvent;
import io.squidmesh.Run;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.OperatorActionStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunEventStore;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.RecoveryPolicies;
import io.squidmesh.runtime.internal.RunViews;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The inspection read model (SPEC §7): a run, and with its history the step runs with their attempts, the
 * declared-graph view, the audit trail, the events sent to it and the runs it started as children. Five queries
 * whatever the run's size. Works when the workflow
 * is no longer deployed: the view is then just the rows.
 */
@ApplicationScoped
public class RunReader {

    @Inject
    RunStore runs;

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    @Inject
    WorkflowRegistry registry;

    @Inject
    RunEventStore events;

    @Inject
    OperatorActionStore operatorActions;

    public Run read(UUID runId, boolean history) {
        RunEntity run = runs.find(runId);
        if (run == null) {
            throw new RunNotFoundException(runId.toString());
        }
        Run view = RunViews.run(run);
        if (!history) {
            return view;
        }
        Optional<Workflow> workflow = registry.forRun(run);
        List<StepRunEntity> rows = stepRuns.forRun(runId);
        Map<UUID, List<StepAttempt>> attemptsByRow = new HashMap<>();
        for (StepAttemptEntity a : attempts.forStepRuns(rows.stream().map(StepRunEntity::getId).toList())) {
            attemptsByRow.computeIfAbsent(a.getStepRunId(), k -> new ArrayList<>()).add(new StepAttempt(a.getId(),
                    a.getAttemptNumber(), a.getStatus().value(), a.getError(), a.getInsertedAt(), a.getUpdatedAt()));
        }
        List<StepRun> stepRunViews = new ArrayList<>();
        Map<String, StepRun> byStep = new LinkedHashMap<>();
        for (StepRunEntity row : rows) {
            StepSpec declared = workflow.flatMap(w -> w.step(row.getStep())).orElse(null);
            StepRun stepRun = new StepRun(row.getId(), row.getStep(), row.getStatus().value(), row.getInput(), row.getOutput(),
                    row.getLastError(), RecoveryPolicies.effective(row.getRecovery(), declared),
                    List.copyOf(attemptsByRow.getOrDefault(row.getId(), List.of())), row.getInsertedAt(),
                    row.getUpdatedAt());
            stepRunViews.add(stepRun);
            byStep.put(row.getStep(), stepRun);
        }
        List<AuditEvent> audit = AuditTrail.events(rows, workflow, run.getMigrations(), operatorActions.forRun(runId));
        return new Run(view.id(), view.workflow(), view.version(), view.trigger(), view.status(), view.payload(), view.context(),
                view.currentStep(), view.lastError(), view.replayedFromRunId(), view.key(), view.priority(), view.parentRunId(),
                view.parentStep(), view.insertedAt(), view.updatedAt(), steps(workflow, byStep),
                List.copyOf(stepRunViews), audit, events.forRun(runId).stream().map(RunViews::event).toList(),
                runs.children(runId).stream().map(RunViews::run).toList());
    }

    /** One entry per declared step in inspection order, then rows of steps no longer declared (SPEC §7.4). */
    static List<StepState> steps(Optional<Workflow> workflow, Map<String, StepRun> byStep) {
        List<StepState> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (workflow.isPresent()) {
            for (StepSpec step : workflow.get().inspectionOrder()) {
                seen.add(step.name());
                StepRun row = byStep.get(step.name());
                steps.add(row != null ? state(row, step.after())
                        : new StepState(step.name(), StepState.WAITING, step.after(), null, null, null,
                        step.recoveryPolicy(), List.of(), null, null));
            }
        }
        byStep.forEach((name, row) -> {
            if (!seen.contains(name)) {
                steps.add(state(row, List.of()));
            }
        });
        return steps;
    }

    private static StepState state(StepRun row, List<String> dependsOn) {
        return new StepState(row.step(), row.status(), dependsOn, row.input(), row.output(), row.lastError(),
                row.recovery(), row.attempts(), row.insertedAt(), row.updatedAt());
    }
}
