package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.ValueTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated workflow definition: triggers, the merged payload contract, steps, and either
 * transitions (one entry step) or dependencies (roots run first, then each phase in turn). Immutable;
 * built by {@link WorkflowBuilder#build()}.
 */
public final class Workflow {

    /** The version of a workflow that declares none. */
    public static final String DEFAULT_VERSION = "1";

    private static final Set<String> UNFINISHED = Set.of("pending", "running", "failed");

    private final String name;
    private final String description;
    private final List<TriggerSpec> triggers;
    private final List<FieldSpec> payload;
    private final List<StepSpec> steps;
    private final Map<String, StepSpec> stepsByName;
    private final List<TransitionSpec> transitions;
    private final boolean dependencyMode;
    private final List<String> entrySteps;
    private final Map<String, Integer> phases;
    private final List<StepSpec> dependencyOrder;
    private final Duration deadline;
    private final String deadlineRoute;
    private final String version;
    private final int concurrency;
    private final String queue;
    private final DefinitionGraph graph;

    Workflow(String name, String description, List<TriggerSpec> triggers, List<FieldSpec> payload,
             List<StepSpec> steps, List<TransitionSpec> transitions, boolean dependencyMode, List<String> entrySteps,
             Map<String, Integer> phases, Duration deadline, String deadlineRoute, String version, int concurrency,
             String queue) {
        this.name = name;
        this.queue = queue;
        this.version = version;
        this.concurrency = concurrency;
        this.deadline = deadline;
        this.deadlineRoute = deadlineRoute;
        this.description = description;
        this.triggers = List.copyOf(triggers);
        this.payload = List.copyOf(payload);
        this.steps = List.copyOf(steps);
        this.stepsByName = steps.stream().collect(Collectors.toMap(StepSpec::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.transitions = List.copyOf(transitions);
        this.dependencyMode = dependencyMode;
        this.entrySteps = List.copyOf(entrySteps);
        this.phases = Map.copyOf(phases);
        List<StepSpec> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingInt((StepSpec s) -> phases.getOrDefault(s.name(), 0))
                .thenComparingInt(steps::indexOf));
        this.dependencyOrder = List.copyOf(ordered);
        this.graph = DefinitionGraph.of(this);
    }

    /**
     * The version of this definition ({@link WorkflowBuilder#version}), {@value #DEFAULT_VERSION} when none was declared.
     *
     * @return the version label
     */
    public String version() {
        return version;
    }

    /**
     * The queue this workflow's work goes to ({@link WorkflowBuilder#queue}).
     *
     * @return the queue's name, or {@code null} for the default queue
     */
    public String queue() {
        return queue;
    }

    /**
     * How many of this workflow's steps may execute at once across the cluster ({@link WorkflowBuilder#concurrency}).
     *
     * @return the limit, or 0 when unlimited
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * The shape a run in flight depends on (steps, kinds, dependencies, transitions).
     *
     * @return the graph
     */
    public DefinitionGraph graph() {
        return graph;
    }

    /**
     * The graph's fingerprint, which each run of this version is pinned to when it starts.
     *
     * @return 16 hex digits
     */
    public String fingerprint() {
        return graph.fingerprint();
    }

    /**
     * The workflow's name (snake_case).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * How long a run may take ({@link WorkflowBuilder#deadline}), or {@code null} when runs may take any time.
     *
     * @return the deadline, or {@code null}
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * The step a run goes to when its deadline passes ({@link WorkflowBuilder#deadline(Duration, String)}), or
     * {@code null} when such a run fails.
     *
     * @return the step's name, or {@code null}
     */
    public String deadlineRoute() {
        return deadlineRoute;
    }

    /**
     * The sentence given with {@link WorkflowBuilder#description(String)}.
     *
     * @return the description, or {@code null} when none was given
     */
    public String description() {
        return description;
    }

    /**
     * The triggers, in declaration order.
     *
     * @return the triggers; never empty
     */
    public List<TriggerSpec> triggers() {
        return triggers;
    }

    /**
     * The trigger of this name.
     *
     * @param name the trigger's name
     * @return the trigger, or empty when the workflow has none of that name
     */
    public Optional<TriggerSpec> trigger(String name) {
        return triggers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The first declared trigger, used when a run is started without naming one.
     *
     * @return the default trigger
     */
    public TriggerSpec defaultTrigger() {
        return triggers.get(0);
    }

    /**
     * Every trigger's fields, merged by name (the first declaration wins).
     *
     * @return the merged payload contract
     */
    public List<FieldSpec> payload() {
        return payload;
    }

    /**
     * The steps, in declaration order.
     *
     * @return the steps
     */
    public List<StepSpec> steps() {
        return steps;
    }

    /**
     * The step of this name.
     *
     * @param name the step's name, or {@code null}
     * @return the step, or empty when there is none of that name
     */
    public Optional<StepSpec> step(String name) {
        return Optional.ofNullable(name == null ? null : stepsByName.get(name));
    }

    /**
     * The transitions, in declaration order; empty in dependency mode.
     *
     * @return the transitions
     */
    public List<TransitionSpec> transitions() {
        return transitions;
    }

    /**
     * The transition taken when {@code from} ends with {@code on}.
     *
     * @param from the step's name
     * @param on the step's outcome
     * @return the first matching transition, or empty when none is declared
     */
    public Optional<TransitionSpec> transition(String from, Outcome on) {
        return transitions.stream().filter(t -> t.from().equals(from) && t.on() == on).findFirst();
    }

    /**
     * True when steps declare {@code after} dependencies instead of transitions.
     *
     * @return whether the workflow is in dependency mode
     */
    public boolean isDependencyMode() {
        return dependencyMode;
    }

    /**
     * The roots in dependency mode (declaration order), or the single entry step.
     *
     * @return the entry steps' names
     */
    public List<String> entrySteps() {
        return entrySteps;
    }

    /**
     * Where a run starts: the entry step, or the first root in dependency mode.
     *
     * @return the step's name
     */
    public String initialStep() {
        return entrySteps.get(0);
    }

    /**
     * The entry step of a transition workflow; null in dependency mode.
     *
     * @return the step's name, or {@code null}
     */
    public String entryStep() {
        return dependencyMode ? null : entrySteps.get(0);
    }

    /**
     * 0 for a root, else 1 + the highest phase among its dependencies (0 for every step outside dependency mode).
     *
     * @param step the step's name
     * @return the step's phase; 0 for an unknown step
     */
    public int phase(String step) {
        return phases.getOrDefault(step, 0);
    }

    /**
     * The steps this one runs after ({@link StepOptions#after}).
     *
     * @param step the step's name
     * @return the dependencies' names; empty for a root or an unknown step
     */
    public List<String> dependsOn(String step) {
        return step(step).map(StepSpec::after).orElse(List.of());
    }

    /**
     * Steps sorted by (phase, declaration).
     *
     * @return the steps in dependency order
     */
    public List<StepSpec> dependencyOrder() {
        return dependencyOrder;
    }

    /**
     * The order inspection lists steps in: declaration order, or dependency order in dependency mode.
     *
     * @return the steps in inspection order
     */
    public List<StepSpec> inspectionOrder() {
        return dependencyMode ? dependencyOrder : steps;
    }

    /**
     * What a dependency-mode run does next, given the status of each step that has a row
     * ({@code pending}, {@code running}, {@code completed}, {@code failed}); steps absent from the map
     * were never scheduled. Only the lowest unfinished phase is considered, so a later step never
     * starts before every step of an earlier phase has completed.
     *
     * @param statusByStep the status of each step that has a row, by step name
     * @return complete, dispatch these steps, wait, or stuck
     */
    public DependencyProgress dependencyProgress(Map<String, String> statusByStep) {
        List<StepSpec> remaining = dependencyOrder.stream()
                .filter(s -> !"completed".equals(statusByStep.get(s.name())))
                .toList();
        if (remaining.isEmpty()) {
            return new DependencyProgress.Complete();
        }
        int currentPhase = phase(remaining.get(0).name());
        List<StepSpec> phaseSteps = remaining.stream().filter(s -> phase(s.name()) == currentPhase).toList();
        List<String> ready = phaseSteps.stream()
                .filter(s -> !statusByStep.containsKey(s.name()))
                .filter(s -> s.after().stream().allMatch(d -> "completed".equals(statusByStep.get(d))))
                .map(StepSpec::name)
                .toList();
        if (!ready.isEmpty()) {
            return new DependencyProgress.Dispatch(ready);
        }
        if (phaseSteps.stream().anyMatch(s -> UNFINISHED.contains(statusByStep.get(s.name())))) {
            return new DependencyProgress.Wait();
        }
        return new DependencyProgress.Stuck(phaseSteps.stream().map(StepSpec::name).toList());
    }

    /**
     * The normalized, serializable definition, as the REST API and inspection show it.
     *
     * @return a new map
     */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("workflow", name);
        map.put("version", version);
        map.put("fingerprint", fingerprint());
        if (description != null) {
            map.put("description", description);
        }
        map.put("mode", dependencyMode ? "dependencies" : "transitions");
        if (queue != null) {
            map.put("queue", queue);
        }
        if (concurrency > 0) {
            map.put("concurrency", concurrency);
        }
        if (deadline != null) {
            map.put("deadline_ms", ValueTypes.jsonInteger(deadline.toMillis()));
            if (deadlineRoute != null) {
                map.put("deadline_route", deadlineRoute);
            }
        }
        map.put("triggers", triggers.stream().map(TriggerSpec::toMap).toList());
        map.put("payload", payload.stream().map(FieldSpec::toMap).toList());
        List<Map<String, Object>> stepMaps = new ArrayList<>();
        for (StepSpec step : inspectionOrder()) {
            Map<String, Object> stepMap = step.toMap();
            if (dependencyMode) {
                stepMap.put("depends_on", step.after());
                stepMap.put("phase", phase(step.name()));
            }
            stepMaps.add(stepMap);
        }
        map.put("steps", stepMaps);
        map.put("transitions", transitions.stream().map(TransitionSpec::toMap).toList());
        map.put("retries", steps.stream().filter(s -> s.retry() != null)
                .map(s -> {
                    Map<String, Object> retry = new LinkedHashMap<>();
                    retry.put("step", s.name());
                    retry.putAll(s.retry().toMap());
                    return retry;
                }).toList());
        map.put("entry_steps", entrySteps);
        map.put("initial_step", initialStep());
        map.put("entry_step", entryStep());
        return map;
    }

    @Override
    public String toString() {
        return "Workflow[" + name + " version " + version + "]";
    }
}
