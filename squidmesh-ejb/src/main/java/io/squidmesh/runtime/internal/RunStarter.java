package io.squidmesh.runtime.internal;

import io.squidmesh.InvalidPayloadException;
import io.squidmesh.Run;
import io.squidmesh.RunKeyConflictException;
import io.squidmesh.RunStart;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshException;
import io.squidmesh.StartOptions;
import io.squidmesh.json.StorableJson;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunKeyEntity;
import io.squidmesh.persistence.RunKeyStore;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.tracing.Tracing;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Creates runs (SPEC §6.3): the payload is resolved and checked before anything is written, then the run
 * row and its first work are written and queued in the caller's transaction; if the executor refuses, the
 * exception rolls everything back and no run remains.
 */
@ApplicationScoped
@InCallersTransaction
public class RunStarter {

    @Inject
    RunStore runs;

    @Inject
    RunKeyStore keys;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Telemetry telemetry;

    @Inject
    Tracing tracing;

    /** Starts a run through a trigger; {@code context} is the run's initial context (cron schedule facts only). */
    public Run start(Workflow workflow, TriggerSpec trigger, Map<String, Object> provided, Map<String, Object> context) {
        return start(workflow, trigger, provided, context, null, null).run();
    }

    /**
     * Starts a run through a trigger, idempotently when {@code key} is given: the first start with the key creates
     * the run; a later one with the same trigger and payload answers that run and writes nothing, one with another
     * trigger or payload fails with {@code run_key_conflict}. The payload is checked first either way, so a bad
     * request is told so whatever the key.
     */
    public RunStart start(Workflow workflow, TriggerSpec trigger, Map<String, Object> provided,
                          Map<String, Object> context, String key, Integer priority) {
        RunKeys.validate(key);
        int rank = priority(priority);
        Map<String, Object> payload = resolve(workflow, trigger, provided);
        if (key != null) {
            String digest = RunKeys.digest(trigger.name(), provided);
            Optional<RunKeyEntity> claimed = keys.claim(workflow.name(), key, digest, Clocks.now());
            if (claimed.isPresent()) {
                return existing(workflow, key, digest, claimed.get());
            }
        }
        RunEntity run = create(workflow, trigger.name(), payload, RunState.reservedFacts(context), null, key,
                created -> created.prioritize(rank));
        if (key != null) {
            keys.bind(workflow.name(), key, run.getId());
        }
        telemetry.runCreated(run);
        return new RunStart(RunViews.run(run), true);
    }

    /**
     * Starts a run of {@code workflow} as the child of {@code step} of {@code parent}, through the workflow's
     * default trigger, in the caller's transaction (the parent's delivery, which holds the parent's lock).
     */
    public Run startChild(Workflow workflow, Map<String, Object> provided, RunEntity parent, String step) {
        TriggerSpec trigger = workflow.defaultTrigger();
        Map<String, Object> payload = resolve(workflow, trigger, provided);
        RunEntity run = create(workflow, trigger.name(), payload, Map.of(), null, null, child -> {
            child.childOf(parent.getId(), step);
            child.prioritize(parent.getPriority()); // a child is as urgent as its parent
        });
        telemetry.runCreated(run);
        return RunViews.run(run);
    }

    /** The payload as the trigger resolves it (defaults applied), or {@code invalid_payload} naming every fault. */
    private static Map<String, Object> resolve(Workflow workflow, TriggerSpec trigger, Map<String, Object> provided) {
        PayloadResolution payload = trigger.resolve(provided, Clocks.UTC);
        if (!payload.isValid()) {
            throw new InvalidPayloadException(workflow.name(), trigger.name(), payload.violations());
        }
        List<PayloadViolation> unstorable = unstorable(payload.payload());
        if (!unstorable.isEmpty()) {
            throw new InvalidPayloadException(workflow.name(), trigger.name(), unstorable);
        }
        return payload.payload();
    }

    private RunStart existing(Workflow workflow, String key, String digest, RunKeyEntity claim) {
        if (!claim.getRequestDigest().equals(digest)) {
            throw new RunKeyConflictException(workflow.name(), key, claim.getRunId());
        }
        RunEntity run = claim.getRunId() == null ? null : runs.find(claim.getRunId());
        if (run == null) { // only inside the claiming transaction, which the claim serializes against
            throw new IllegalStateException("run key " + key + " of workflow " + workflow.name() + " has no run");
        }
        return new RunStart(RunViews.run(run), false);
    }

    /** Starts a new run from a source run's payload as stored (not re-validated), keeping only its reserved facts. */
    public Run replay(Workflow workflow, RunEntity source) {
        RunEntity run = create(workflow, source.getTrigger(), source.getInput(),
                RunState.reservedFacts(source.getContext()), source.getId(), null,
                replay -> replay.prioritize(source.getPriority()));
        telemetry.runReplayed(run);
        return RunViews.run(run);
    }

    /** The priority asked for, or the default; outside 0-9 it is {@code invalid_priority}, before anything is written. */
    static int priority(Integer priority) {
        if (priority == null) {
            return RunEntity.DEFAULT_PRIORITY;
        }
        if (priority < StartOptions.MIN_PRIORITY || priority > StartOptions.MAX_PRIORITY) {
            throw new SquidMeshException("invalid_priority", "priority must be from " + StartOptions.MIN_PRIORITY
                    + " (lowest) to " + StartOptions.MAX_PRIORITY + " (highest), got " + priority,
                    Map.of("field", "priority", "priority", priority));
        }
        return priority;
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
                             Map<String, Object> context, UUID replayedFrom, String key,
                             java.util.function.Consumer<RunEntity> beforeInsert) {
        String currentStep = workflow.isDependencyMode() ? null : workflow.initialStep();
        RunEntity run = new RunEntity(UUID.randomUUID(), workflow.name(), trigger, RunStatus.PENDING, payload,
                context, currentStep, replayedFrom, Clocks.now());
        run.keyedBy(key);
        run.pinTo(workflow.version(), workflow.fingerprint());
        if (workflow.deadline() != null) {
            run.mustEndBy(run.getInsertedAt().plus(workflow.deadline()));
        }
        if (beforeInsert != null) {
            beforeInsert.accept(run);
        }
        run.startedInTrace(tracing.runStarted(run.getId(), workflow.name(), trigger));
        runs.insert(run);
        try {
            if (workflow.isDependencyMode()) {
                dispatcher.scheduleSteps(run, workflow, workflow.entrySteps(), RunState.state(payload, context), Duration.ZERO);
            } else {
                dispatcher.enqueueStep(run, currentStep, Duration.ZERO);
            }
        } catch (DispatchException e) {
            throw e.forCaller();
        }
        return run;
    }
}
