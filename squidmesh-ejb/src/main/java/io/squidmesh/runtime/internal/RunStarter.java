package io.squidmesh.runtime.internal;

import io.squidmesh.DispatchFailedException;
import io.squidmesh.InvalidPayloadException;
import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.json.StorableJson;
import io.squidmesh.workflow.PayloadResolution;
import io.squidmesh.workflow.PayloadViolation;
import io.squidmesh.workflow.TriggerSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates runs (SPEC §6.3): the payload is resolved and checked before anything is written, then the run
 * row and its first work are written and queued in the caller's transaction; if the executor refuses, the
 * exception rolls everything back and no run remains.
 */
@ApplicationScoped
public class RunStarter {

    @Inject
    RunStore runs;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Telemetry telemetry;

    /** Starts a run through a trigger; {@code context} is the run's initial context (cron schedule facts only). */
    public Run start(Workflow workflow, TriggerSpec trigger, Map<String, Object> provided, Map<String, Object> context) {
        PayloadResolution payload = trigger.resolve(provided, Clocks.UTC);
        if (!payload.isValid()) {
            throw new InvalidPayloadException(workflow.name(), trigger.name(), payload.violations());
        }
        List<PayloadViolation> unstorable = unstorable(payload.payload());
        if (!unstorable.isEmpty()) {
            throw new InvalidPayloadException(workflow.name(), trigger.name(), unstorable);
        }
        RunEntity run = create(workflow, trigger.name(), payload.payload(), RunState.reservedFacts(context), null);
        telemetry.runCreated(run);
        return RunViews.run(run);
    }

    /** Starts a new run from a source run's payload as stored (not re-validated), keeping only its reserved facts. */
    public Run replay(Workflow workflow, RunEntity source) {
        RunEntity run = create(workflow, source.getTrigger(), source.getInput(),
                RunState.reservedFacts(source.getContext()), source.getId());
        telemetry.runReplayed(run);
        return RunViews.run(run);
    }

    /** Values the database would refuse (checked before anything is written, so a refused start leaves nothing). */
    static List<PayloadViolation> unstorable(Map<String, Object> payload) {
        List<PayloadViolation> violations = new ArrayList<>();
        payload.forEach((field, value) -> StorableJson.problem(value, field).ifPresent(problem -> {
            int colon = problem.indexOf(':');
            violations.add(new PayloadViolation(problem.substring(0, colon), PayloadViolation.Problem.NOT_STORABLE,
                    problem.substring(colon + 1).strip()));
        }));
        StorableJson.problem(payload.keySet().stream().toList(), "payload").ifPresent(problem ->
                violations.add(new PayloadViolation("(a field name)", PayloadViolation.Problem.NOT_STORABLE,
                        "names without U+0000")));
        return violations;
    }

    private RunEntity create(Workflow workflow, String trigger, Map<String, Object> payload,
                             Map<String, Object> context, UUID replayedFrom) {
        String currentStep = workflow.isDependencyMode() ? null : workflow.initialStep();
        RunEntity run = new RunEntity(UUID.randomUUID(), workflow.name(), trigger, RunStatus.PENDING.value(), payload,
                context, currentStep, replayedFrom, Clocks.now());
        runs.insert(run);
        try {
            if (workflow.isDependencyMode()) {
                dispatcher.scheduleSteps(run, workflow, workflow.entrySteps(), RunState.state(payload, context), Duration.ZERO);
            } else {
                dispatcher.enqueueStep(run, currentStep, Duration.ZERO);
            }
        } catch (DispatchException e) {
            throw new DispatchFailedException(String.valueOf(e.reason()), e.getCause());
        }
        return run;
    }
}
