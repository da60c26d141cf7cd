package io.squidmesh.runtime.internal.operator;

import io.squidmesh.InvalidManualActionException;
import io.squidmesh.InvalidStepException;
import io.squidmesh.InvalidTransitionException;
import io.squidmesh.ManualAction;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshException;
import io.squidmesh.json.StorableJson;
import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.DispatchException;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunState;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.Outcome;
import io.squidmesh.workflow.StepKind;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.Workflows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Unblock, approve and reject (SPEC §6.9), under the run lock: the paused step and its attempt complete with
 * the decision, the run goes on to the persisted target (or completes) and the target is queued in the same
 * transaction. Persisted resume metadata wins over the current definition, so a redeploy never changes what a
 * waiting run does; malformed metadata is refused before anything changes.
 */
@ApplicationScoped
@InCallersTransaction
public class ManualActions {

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

    @Inject
    Telemetry telemetry;

    /** @param caller the authenticated caller's name, or null when there is none */
    public RunEntity unblock(UUID runId, ManualAction action, String caller) {
        Map<String, Object> attrs = attributes("invalid_resume", action, caller, false);
        Paused paused = paused(runId, StepKind.PAUSE);
        Map<String, Object> output;
        String target;
        if (StepResume.read(paused.row.getResume()) instanceof StepResume.Pause pause) {
            output = map(pause.output());
            target = String.valueOf(pause.target());
        } else {
            output = RunState.mapOutput(Map.of(), paused.step.output());
            target = okTarget(paused.workflow, paused.step);
        }
        return resume(paused, "resumed", attrs, output, target);
    }

    public RunEntity review(UUID runId, boolean approve, ManualAction action, String caller) {
        Map<String, Object> attrs = attributes("invalid_review", action, caller, true);
        Paused paused = paused(runId, StepKind.APPROVAL);
        String target;
        String outputKey;
        if (StepResume.read(paused.row.getResume()) instanceof StepResume.Approval approval) {
            Object key = approval.outputKey();
            if (key != null && !(key instanceof String)) {
                throw new SquidMeshException("invalid_resume_metadata", "run " + runId + ": step "
                        + paused.step.name() + " has malformed resume metadata", Map.of("step", paused.step.name()));
            }
            outputKey = (String) key;
            target = String.valueOf(approve ? approval.okTarget() : approval.errorTarget());
        } else {
            outputKey = paused.step.output();
            target = paused.workflow.transition(paused.step.name(), approve ? Outcome.OK : Outcome.ERROR)
                    .map(t -> t.to()).orElse(Workflows.COMPLETE);
        }
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision", approve ? "approved" : "rejected");
        decision.put("actor", attrs.get("actor"));
        decision.put("decided_at", Clocks.now().toString());
        putIfPresent(decision, "comment", attrs.get("comment"));
        putIfPresent(decision, "metadata", attrs.get("metadata"));
        Map<String, Object> output = outputKey == null ? decision : Map.of(outputKey, decision);
        return resume(paused, approve ? "approved" : "rejected", attrs, output, target);
    }

    private RunEntity resume(Paused paused, String event, Map<String, Object> attrs, Map<String, Object> output,
                             String target) {
        RunEntity run = paused.run;
        if (!Workflows.COMPLETE.equals(target) && paused.workflow.step(target).isEmpty()) {
            throw new InvalidStepException(run.getId().toString(), paused.step.name(),
                    "resumes to " + target + ", which the workflow no longer declares");
        }
        Instant now = Clocks.now();
        paused.attempt.finish(AttemptStatus.COMPLETED, null, now);
        Map<String, Object> manual = new LinkedHashMap<>();
        manual.put("event", event);
        manual.put("at", now.toString());
        putIfPresent(manual, "actor", attrs.get("actor"));
        putIfPresent(manual, "comment", attrs.get("comment"));
        putIfPresent(manual, "metadata", attrs.get("metadata"));
        paused.row.complete(output, now);
        paused.row.setManual(manual);
        telemetry.stepCompleted(run, paused.step.name(), paused.attempt.getAttemptNumber(),
                Duration.between(paused.attempt.getInsertedAt(), now).toNanos());

        run.setContext(RunState.merge(run.getContext(), output));
        run.setLastError(null);
        if (Workflows.COMPLETE.equals(target)) {
            transitions.moveTo(run, RunStatus.COMPLETED, null);
        } else {
            transitions.moveTo(run, RunStatus.RUNNING, target);
            try {
                dispatcher.enqueueStep(run, target, Duration.ZERO);
            } catch (DispatchException e) {
                throw e.forCaller();
            }
        }
        return run;
    }

    private record Paused(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity row,
                          StepAttemptEntity attempt) {
    }

    private Paused paused(UUID runId, StepKind kind) {
        RunEntity run = runs.lock(runId);
        if (run == null) {
            throw new RunNotFoundException(runId.toString());
        }
        String id = runId.toString();
        if (run.getStatus() != RunStatus.PAUSED) {
            throw new InvalidTransitionException(id, run.getStatus().value(), RunStatus.RUNNING.value());
        }
        if (run.getDefinitionHold() != null) {
            throw new InvalidStepException(id, run.getCurrentStep(), "is held because "
                    + run.getDefinitionHold().get("message") + "; migrate the run (migrateRun) or cancel it");
        }
        Workflow workflow = registry.requireForRun(run);
        StepSpec step = workflow.step(run.getCurrentStep())
                .orElseThrow(() -> new InvalidStepException(id, run.getCurrentStep(), "is not declared"));
        if (step.kind() != kind) {
            throw new InvalidStepException(id, step.name(), "is not " + (kind == StepKind.PAUSE
                    ? "a pause step (approve or reject it instead)" : "an approval step (unblock it instead)"));
        }
        StepRunEntity row = stepRuns.find(runId, step.name());
        if (row == null || !row.isRunning()) {
            throw new InvalidStepException(id, step.name(), "is not waiting");
        }
        StepAttemptEntity attempt = attempts.latest(row.getId());
        if (attempt == null || !attempt.isRunning()) {
            throw new RunNotFoundException(id);
        }
        return new Paused(run, workflow, step, row, attempt);
    }

    /**
     * The attributes to record: the authenticated caller is the actor whatever the request says; an explicit
     * actor counts only without one. Wrong values are all reported at once, before anything changes.
     */
    static Map<String, Object> attributes(String code, ManualAction action, String caller, boolean actorRequired) {
        ManualAction given = action == null ? ManualAction.none() : action;
        Map<String, Object> problems = new LinkedHashMap<>();
        Object actor = caller != null ? caller : given.actor();
        if (actor == null) {
            if (actorRequired) {
                problems.put("actor", "required");
            }
        } else if (!(actor instanceof String s && !s.isBlank()) && !(actor instanceof Map<?, ?> m && !m.isEmpty())) {
            problems.put("actor", actorRequired && (actor instanceof String || actor instanceof Map<?, ?>)
                    ? "required" : "invalid");
        }
        if (given.comment() != null && !(given.comment() instanceof String c && !c.isBlank())) {
            problems.put("comment", "string");
        } else if (given.comment() != null && StorableJson.problem(given.comment(), "comment").isPresent()) {
            problems.put("comment", "not_storable");
        }
        if (given.metadata() != null && !(given.metadata() instanceof Map<?, ?>)) {
            problems.put("metadata", "map");
        } else if (given.metadata() != null && StorableJson.problem(given.metadata(), "metadata").isPresent()) {
            problems.put("metadata", "not_storable");
        }
        if (actor != null && StorableJson.problem(actor, "actor").isPresent()) {
            problems.put("actor", "not_storable");
        }
        if (!problems.isEmpty()) {
            throw new InvalidManualActionException(code, problems);
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        putIfPresent(attrs, "actor", actor);
        putIfPresent(attrs, "comment", given.comment());
        putIfPresent(attrs, "metadata", given.metadata());
        return attrs;
    }

    private static String okTarget(Workflow workflow, StepSpec step) {
        return workflow.transition(step.name(), Outcome.OK).map(t -> t.to()).orElse(Workflows.COMPLETE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
