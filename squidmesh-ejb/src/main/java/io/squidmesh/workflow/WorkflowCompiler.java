package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.Declarations.FieldDecl;
import io.squidmesh.workflow.internal.Declarations.RetryDecl;
import io.squidmesh.workflow.internal.Declarations.StepDecl;
import io.squidmesh.workflow.internal.Declarations.TransitionDecl;
import io.squidmesh.workflow.internal.Declarations.TriggerDecl;
import io.squidmesh.workflow.internal.Declarations.WorkflowDecl;
import io.squidmesh.workflow.internal.DefinitionValidator;
import io.squidmesh.workflow.internal.DependencyGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.squidmesh.workflow.StepOptions.AFTER;
import static io.squidmesh.workflow.StepOptions.COMPENSATABLE;
import static io.squidmesh.workflow.StepOptions.COMPENSATE;
import static io.squidmesh.workflow.StepOptions.DURATION;
import static io.squidmesh.workflow.StepOptions.INPUT;
import static io.squidmesh.workflow.StepOptions.IRREVERSIBLE;
import static io.squidmesh.workflow.StepOptions.LEVEL;
import static io.squidmesh.workflow.StepOptions.MESSAGE;
import static io.squidmesh.workflow.StepOptions.OUTPUT;
import static io.squidmesh.workflow.StepOptions.RETRY;
import static io.squidmesh.workflow.StepOptions.TRANSACTION;

/** Turns a declaration that passed validation into the immutable {@link Workflow}. */
final class WorkflowCompiler {

    private WorkflowCompiler() {
    }

    static Workflow compile(WorkflowDecl decl) {
        List<String> problems = DefinitionValidator.validate(decl);
        if (!problems.isEmpty()) {
            throw new WorkflowValidationException(decl.name(), problems);
        }
        List<TriggerSpec> triggers = decl.triggers().stream().map(WorkflowCompiler::trigger).toList();
        Map<String, FieldSpec> merged = new LinkedHashMap<>();
        triggers.forEach(t -> t.fields().forEach(f -> merged.putIfAbsent(f.name(), f)));

        Set<String> known = decl.steps().stream().map(StepDecl::name).collect(Collectors.toSet());
        Map<String, RetryPolicy> retries = new LinkedHashMap<>();
        for (RetryDecl retry : decl.retries()) {
            retries.put(retry.step(), (RetryPolicy) retry.policy());
        }
        List<StepSpec> steps = decl.steps().stream().map(s -> step(s, known, retries.get(s.name()))).toList();
        List<TransitionSpec> transitions = decl.transitions().stream()
                .map(t -> new TransitionSpec(t.from(), DefinitionValidator.outcome(t.on()), t.to(),
                        DefinitionValidator.recovery(t.recovery())))
                .toList();

        boolean dependencyMode = steps.stream().anyMatch(s -> !s.after().isEmpty());
        List<String> entrySteps;
        Map<String, Integer> phases;
        if (dependencyMode) {
            entrySteps = steps.stream().filter(s -> s.after().isEmpty()).map(StepSpec::name).toList();
            Map<String, List<String>> edges = new LinkedHashMap<>();
            steps.forEach(s -> edges.put(s.name(), s.after()));
            phases = DependencyGraph.phases(edges);
        } else {
            Set<String> targets = new HashSet<>();
            transitions.forEach(t -> targets.add(t.to()));
            if (decl.deadlineRoute() != null) {
                targets.add(decl.deadlineRoute()); // reached when the deadline passes: no entry step
            }
            entrySteps = steps.stream().map(StepSpec::name).filter(n -> !targets.contains(n)).toList();
            phases = Map.of();
        }
        return new Workflow(decl.name(), decl.description(), triggers, new ArrayList<>(merged.values()), steps,
                transitions, dependencyMode, entrySteps, phases, decl.deadline(), decl.deadlineRoute(),
                decl.version() == null ? Workflow.DEFAULT_VERSION : decl.version(),
                decl.concurrency() == null ? 0 : decl.concurrency(), decl.queue());
    }

    private static TriggerSpec trigger(TriggerDecl decl) {
        TriggerType type = TriggerType.valueOf(decl.types().get(0).toUpperCase(java.util.Locale.ROOT));
        List<FieldSpec> fields = decl.fields().stream().map(WorkflowCompiler::field).toList();
        return type == TriggerType.CRON
                ? new TriggerSpec(decl.name(), type, decl.cronExpression().strip(), decl.timezone().strip(), fields)
                : new TriggerSpec(decl.name(), type, null, null, fields);
    }

    private static FieldSpec field(FieldDecl decl) {
        boolean required = !Boolean.FALSE.equals(decl.options().get(FieldOption.REQUIRED));
        boolean hasDefault = decl.options().containsKey(FieldOption.DEFAULT);
        return new FieldSpec(decl.name(), DefinitionValidator.typeName(decl.type()), required, hasDefault,
                decl.options().get(FieldOption.DEFAULT));
    }

    @SuppressWarnings("unchecked")
    private static StepSpec step(StepDecl decl, Set<String> known, RetryPolicy declaredApart) {
        Map<String, Object> options = decl.options();
        StepKind kind = decl.implementation() instanceof StepKind k ? k : StepKind.CUSTOM;
        Class<? extends Step> implementation = kind == StepKind.CUSTOM
                ? (Class<? extends Step>) decl.implementation() : null;
        boolean irreversible = Boolean.TRUE.equals(options.get(IRREVERSIBLE));
        boolean compensatable = !irreversible && !Boolean.FALSE.equals(options.get(COMPENSATABLE));
        RetryPolicy retry = options.get(RETRY) instanceof RetryPolicy policy ? policy : declaredApart;
        return new StepSpec(
                decl.name(),
                kind,
                implementation,
                options.containsKey(INPUT) ? List.copyOf((List<String>) options.get(INPUT)) : null,
                (String) options.get(OUTPUT),
                retry,
                irreversible,
                compensatable,
                (Class<? extends Step>) options.get(COMPENSATE),
                kind == StepKind.CUSTOM && DefinitionValidator.isTransactionBoundary(options.get(TRANSACTION)),
                DefinitionValidator.validDependencies(decl, known),
                kind == StepKind.LOG ? (String) options.get(MESSAGE) : null,
                kind == StepKind.LOG ? levelOrInfo(options.get(LEVEL)) : null,
                kind == StepKind.WAIT ? DefinitionValidator.duration(options.get(DURATION)) : null,
                Collections.unmodifiableMap(new LinkedHashMap<>(options)));
    }

    private static LogLevel levelOrInfo(Object level) {
        return level == null ? LogLevel.INFO : DefinitionValidator.logLevel(level);
    }
}
