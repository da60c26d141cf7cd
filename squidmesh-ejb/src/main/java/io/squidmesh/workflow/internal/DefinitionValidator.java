package io.squidmesh.workflow.internal;

import io.squidmesh.workflow.Backoff;
import io.squidmesh.workflow.DynamicDefault;
import io.squidmesh.workflow.FieldOption;
import io.squidmesh.workflow.FieldType;
import io.squidmesh.workflow.LogLevel;
import io.squidmesh.workflow.Outcome;
import io.squidmesh.workflow.Recovery;
import io.squidmesh.workflow.RetryPolicy;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepKind;
import io.squidmesh.workflow.StepOptions;
import io.squidmesh.workflow.Workflows;
import io.squidmesh.workflow.internal.Declarations.FieldDecl;
import io.squidmesh.workflow.internal.Declarations.RetryDecl;
import io.squidmesh.workflow.internal.Declarations.StepDecl;
import io.squidmesh.workflow.internal.Declarations.TransitionDecl;
import io.squidmesh.workflow.internal.Declarations.TriggerDecl;
import io.squidmesh.workflow.internal.Declarations.WorkflowDecl;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

/**
 * Checks a workflow declaration against every definition rule of SPEC §4.9 and returns all the
 * problems found, in a stable order, using the original engine's messages (plus a few for checks the
 * Java port adds: cron syntax, time zones, blank and reserved names). Where the original message leaves the
 * reader searching, it is kept as the start and the rest says where: transition problems name the transition
 * ({@code load --ok--> shout}), the entry-step rule names the candidates.
 */
public final class DefinitionValidator {

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_CONCURRENCY = 10_000;
    private static final java.util.regex.Pattern QUEUE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> TRIGGER_TYPES = Set.of("manual", "cron");
    private static final String ENTRY_STEP_RULE = "workflow must define exactly one entry step";

    private DefinitionValidator() {
    }

    public static List<String> validate(WorkflowDecl workflow) {
        List<String> problems = new ArrayList<>();
        if (isBlank(workflow.name())) {
            problems.add("workflow name must be a non-empty string");
        }
        checkTriggers(workflow.triggers(), problems);
        checkSteps(workflow, problems);
        if (workflow.version() != null && !VERSION.matcher(workflow.version()).matches()) {
            problems.add("workflow version must be 1 to 64 letters, digits, dots, dashes or underscores, starting with"
                    + " a letter or digit (got " + workflow.version() + ")");
        }
        if (workflow.queue() != null && !QUEUE.matcher(workflow.queue()).matches()) {
            problems.add("workflow queue must be 1 to 64 lowercase letters, digits, dashes or underscores, starting with"
                    + " a letter or digit (got " + workflow.queue() + ")");
        }
        if (workflow.concurrency() != null && (workflow.concurrency() < 1 || workflow.concurrency() > MAX_CONCURRENCY)) {
            problems.add("workflow concurrency must be from 1 to " + MAX_CONCURRENCY + " (got " + workflow.concurrency()
                    + ")");
        }
        if (workflow.deadline() != null && !isPositiveDuration(workflow.deadline())) {
            problems.add("workflow deadline must be a positive duration");
        }
        if (workflow.deadlineRoute() != null) {
            boolean known = workflow.steps().stream().anyMatch(s -> workflow.deadlineRoute().equals(s.name()));
            boolean dependencies = workflow.steps().stream().anyMatch(s -> s.options().containsKey(StepOptions.AFTER));
            if (!known) {
                problems.add("workflow deadline route targets unknown step " + workflow.deadlineRoute());
            } else if (dependencies) {
                problems.add("workflow deadline route needs transition mode (no :after dependencies)");
            }
        }
        return problems;
    }

    // ---- triggers and payload -------------------------------------------------------------------

    private static void checkTriggers(List<TriggerDecl> triggers, List<String> problems) {
        if (triggers.isEmpty()) {
            problems.add("at least one trigger is required");
            return;
        }
        Set<String> duplicates = duplicates(triggers.stream().map(TriggerDecl::name).toList());
        if (!duplicates.isEmpty()) {
            problems.add("duplicate trigger names: " + String.join(", ", duplicates));
        }
        Map<String, Set<String>> typesByField = new LinkedHashMap<>();
        for (TriggerDecl trigger : triggers) {
            String t = trigger.name();
            if (isBlank(t)) {
                problems.add("trigger names must be non-empty strings");
            }
            if (trigger.types().size() != 1) {
                problems.add("trigger " + t + " must define exactly one type");
            } else if (!TRIGGER_TYPES.contains(trigger.types().get(0))) {
                problems.add("trigger " + t + " defines unsupported type " + trigger.types().get(0));
            } else if ("cron".equals(trigger.types().get(0))) {
                checkCron(trigger, problems);
            }
            Set<String> duplicateFields = duplicates(trigger.fields().stream().map(FieldDecl::name).toList());
            for (String field : duplicateFields) {
                problems.add("trigger " + t + " declares payload field " + field + " more than once");
            }
            for (FieldDecl field : trigger.fields()) {
                String type = typeName(field.type());
                typesByField.computeIfAbsent(field.name(), k -> new LinkedHashSet<>()).add(type);
                checkFieldDefault(field, type, problems);
            }
        }
        typesByField.forEach((field, types) -> {
            if (types.size() > 1) {
                problems.add("payload field " + field + " defines conflicting types across triggers: "
                        + String.join(", ", types));
            }
        });
    }

    private static void checkCron(TriggerDecl trigger, List<String> problems) {
        if (isBlank(trigger.cronExpression()) || isBlank(trigger.timezone())) {
            problems.add("trigger " + trigger.name() + " must define a cron expression and timezone");
            return;
        }
        CronSchedules.problem(trigger.cronExpression()).ifPresent(reason -> problems.add("trigger " + trigger.name()
                + " defines an invalid cron expression " + trigger.cronExpression() + ": " + reason));
        try {
            ZoneId.of(trigger.timezone());
        } catch (DateTimeException e) {
            problems.add("trigger " + trigger.name() + " defines an unknown timezone " + trigger.timezone());
        }
    }

    private static void checkFieldDefault(FieldDecl field, String type, List<String> problems) {
        if (!field.options().containsKey(FieldOption.DEFAULT)) {
            return;
        }
        Object value = field.options().get(FieldOption.DEFAULT);
        boolean valid = value instanceof DynamicDefault
                ? "string".equals(type)
                : value != null && ValueTypes.matches(type, value);
        if (!valid) {
            problems.add("payload field " + field.name() + " defines an invalid default for type " + type);
        }
    }

    public static String typeName(Object type) {
        return type instanceof FieldType fieldType ? fieldType.value() : String.valueOf(type);
    }

    // ---- steps ----------------------------------------------------------------------------------

    private static void checkSteps(WorkflowDecl workflow, List<String> problems) {
        List<StepDecl> steps = workflow.steps();
        if (steps.isEmpty()) {
            problems.add("at least one step is required");
            checkRetries(workflow, Set.of(), problems);
            return;
        }
        List<String> names = steps.stream().map(StepDecl::name).toList();
        Set<String> known = new HashSet<>(names);
        Set<String> duplicates = duplicates(names);
        if (!duplicates.isEmpty()) {
            problems.add("duplicate step names: " + String.join(", ", duplicates));
        }
        boolean dependencyMode = steps.stream().anyMatch(s -> isNonEmptyStringList(s.options().get(AFTER)));

        for (StepDecl step : steps) {
            String s = step.name();
            if (isBlank(s)) {
                problems.add("step names must be non-empty strings");
            } else if (s.startsWith("__")) {
                problems.add("step " + s + " uses a reserved name (names starting with __ are the engine's)");
            }
            if (step.implementation() instanceof StepKind kind && kind.isBuiltIn()) {
                checkBuiltIn(step, kind, problems);
            } else if (!(step.implementation() instanceof Class<?> type && Step.class.isAssignableFrom(type))) {
                problems.add("step " + s + " must be implemented by a class that implements " + Step.class.getName());
            }
            checkMappings(step, problems);
            checkMarkers(step, problems);
            if (step.options().containsKey(RETRY)) {
                checkRetryPolicy(s, step.options().get(RETRY), problems);
            }
            if (step.options().containsKey(AFTER)) {
                checkAfter(step, known, problems);
            }
        }
        checkRetries(workflow, known, problems);

        if (dependencyMode) {
            checkDependencyMode(workflow, known, problems);
        } else {
            checkTransitionMode(workflow, known, problems);
        }
    }

    private static void checkBuiltIn(StepDecl step, StepKind kind, List<String> problems) {
        String s = step.name();
        Map<String, Object> options = step.options();
        if (options.containsKey(TRANSACTION)) {
            problems.add("built-in step " + s + " cannot declare a :transaction boundary");
        }
        if (options.containsKey(StepOptions.TIMEOUT) && kind != StepKind.AWAIT_EVENT) {
            problems.add("built-in step " + s + " cannot declare a :timeout (only custom and await_event steps can)");
        }
        switch (kind) {
            case WAIT -> {
                if (!isPositiveDuration(options.get(DURATION))) {
                    problems.add("built-in step " + s + " requires a positive :duration option");
                }
            }
            case LOG -> {
                if (!(options.get(MESSAGE) instanceof String message) || message.isBlank()) {
                    problems.add("built-in step " + s + " requires a non-empty :message option");
                }
                if (options.containsKey(LEVEL) && logLevel(options.get(LEVEL)) == null) {
                    problems.add("built-in step " + s + " defines unsupported :level");
                }
            }
            case BATCH -> {
                if (!(options.get(StepOptions.JOB) instanceof String job) || job.isBlank()) {
                    problems.add("built-in step " + s + " requires a non-empty :job option");
                }
            }
            case CHILD_RUN -> {
                if (!(options.get(StepOptions.WORKFLOW) instanceof String workflow) || workflow.isBlank()) {
                    problems.add("built-in step " + s + " requires a non-empty :workflow option");
                }
                if (options.containsKey(StepOptions.WAIT) && !(options.get(StepOptions.WAIT) instanceof Boolean)) {
                    problems.add("built-in step " + s + " defines a :wait option that is not true or false");
                }
            }
            case AWAIT_EVENT -> {
                if (!(options.get(StepOptions.EVENT) instanceof String event) || event.isBlank()) {
                    problems.add("built-in step " + s + " requires a non-empty :event option");
                } else if (event.length() > io.squidmesh.RunEvent.MAX_NAME_LENGTH || !event.strip().equals(event)) {
                    problems.add("built-in step " + s + " defines an :event name that is not "
                            + io.squidmesh.RunEvent.MAX_NAME_LENGTH + " characters at most without surrounding blanks");
                }
                if (options.containsKey(StepOptions.TIMEOUT) && !isPositiveDuration(options.get(StepOptions.TIMEOUT))) {
                    problems.add("built-in step " + s + " defines a :timeout that is not positive");
                }
            }
            default -> { }
        }
    }

    private static void checkMappings(StepDecl step, List<String> problems) {
        Map<String, Object> options = step.options();
        if (options.containsKey(INPUT) && !isNonEmptyStringList(options.get(INPUT))) {
            problems.add("step " + step.name() + " defines an invalid :input mapping");
        }
        if (options.containsKey(OUTPUT) && (!(options.get(OUTPUT) instanceof String output) || output.isBlank())) {
            problems.add("step " + step.name() + " defines an invalid :output mapping");
        }
        if (options.containsKey(TRANSACTION) && !(step.implementation() instanceof StepKind kind && kind.isBuiltIn())
                && !isTransactionBoundary(options.get(TRANSACTION))) {
            problems.add("step " + step.name() + " defines an invalid :transaction boundary");
        }
        if (options.containsKey(StepOptions.TIMEOUT) && !(step.implementation() instanceof StepKind)
                && !isPositiveDuration(options.get(StepOptions.TIMEOUT))) {
            problems.add("step " + step.name() + " defines a :timeout that is not positive");
        }
    }

    private static void checkMarkers(StepDecl step, List<String> problems) {
        String s = step.name();
        Map<String, Object> options = step.options();
        Object irreversible = options.get(IRREVERSIBLE);
        Object compensatable = options.get(COMPENSATABLE);
        boolean irreversibleValid = irreversible == null || irreversible instanceof Boolean;
        boolean compensatableValid = compensatable == null || compensatable instanceof Boolean;
        if (!irreversibleValid) {
            problems.add("step " + s + " defines an invalid :irreversible marker");
        }
        if (!compensatableValid) {
            problems.add("step " + s + " defines an invalid :compensatable marker");
        }
        boolean isIrreversible = Boolean.TRUE.equals(irreversible);
        if (irreversibleValid && compensatableValid && isIrreversible && Boolean.TRUE.equals(compensatable)) {
            problems.add("step " + s + " cannot be both irreversible and compensatable");
        }
        if (options.containsKey(COMPENSATE)) {
            Object callback = options.get(COMPENSATE);
            if (!(callback instanceof Class<?> type && Step.class.isAssignableFrom(type))) {
                problems.add("step " + s + " defines an invalid :compensate callback");
            } else if (isIrreversible || Boolean.FALSE.equals(compensatable)) {
                problems.add("step " + s + " cannot declare :compensate when it is irreversible or non-compensatable");
            }
        }
    }

    private static void checkRetryPolicy(String step, Object policy, List<String> problems) {
        if (!(policy instanceof RetryPolicy retry) || retry.maxAttempts() <= 0) {
            problems.add("retry for " + step + " must define a positive :max_attempts");
            return;
        }
        Backoff backoff = retry.backoff();
        if (backoff != null && !backoff.isValid()) {
            problems.add("retry for " + step + " defines an invalid :backoff option");
        }
    }

    private static void checkRetries(WorkflowDecl workflow, Set<String> known, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (RetryDecl retry : workflow.retries()) {
            if (!known.contains(retry.step())) {
                problems.add("retry references unknown step: " + retry.step());
                continue;
            }
            boolean onStep = workflow.steps().stream()
                    .anyMatch(s -> s.name().equals(retry.step()) && s.options().containsKey(RETRY));
            if (onStep || !seen.add(retry.step())) {
                problems.add("retry for " + retry.step() + " is declared more than once");
            }
            checkRetryPolicy(retry.step(), retry.policy(), problems);
        }
    }

    private static void checkAfter(StepDecl step, Set<String> known, List<String> problems) {
        Object after = step.options().get(AFTER);
        if (!isNonEmptyStringList(after)) {
            problems.add("step " + step.name() + " defines an invalid :after dependency list");
            return;
        }
        for (Object dependency : (List<?>) after) {
            if (dependency.equals(step.name())) {
                problems.add("step " + step.name() + " cannot depend on itself");
            } else if (!known.contains(dependency)) {
                problems.add("step " + step.name() + " depends on unknown step " + dependency);
            }
        }
    }

    // ---- modes ----------------------------------------------------------------------------------

    private static void checkDependencyMode(WorkflowDecl workflow, Set<String> known, List<String> problems) {
        if (workflow.steps().stream().anyMatch(s -> s.implementation() == StepKind.PAUSE)) {
            problems.add("dependency-based workflows cannot declare built-in :pause steps");
        }
        if (workflow.steps().stream().anyMatch(s -> s.implementation() == StepKind.APPROVAL)) {
            problems.add("dependency-based workflows cannot declare built-in :approval steps");
        }
        if (!workflow.transitions().isEmpty()) {
            problems.add("dependency-based workflows cannot declare transitions");
        }
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (StepDecl step : workflow.steps()) {
            edges.put(step.name(), validDependencies(step, known));
        }
        if (workflow.steps().stream().allMatch(s -> s.options().containsKey(AFTER))) {
            problems.add("dependency-based workflow must define at least one root step");
        }
        if (DependencyGraph.hasCycle(edges)) {
            problems.add("workflow dependency graph must be acyclic");
        }
    }

    public static List<String> validDependencies(StepDecl step, Set<String> known) {
        if (!isNonEmptyStringList(step.options().get(AFTER))) {
            return List.of();
        }
        List<String> dependencies = new ArrayList<>();
        for (Object dependency : (List<?>) step.options().get(AFTER)) {
            if (known.contains(dependency) && !dependency.equals(step.name())) {
                dependencies.add((String) dependency);
            }
        }
        return dependencies;
    }

    private static void checkTransitionMode(WorkflowDecl workflow, Set<String> known, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> targets = new HashSet<>();
        if (workflow.deadlineRoute() != null) {
            targets.add(workflow.deadlineRoute()); // reached when the deadline passes: no entry step
        }
        Set<String> unknownTargets = new LinkedHashSet<>();
        for (TransitionDecl transition : workflow.transitions()) {
            String from = transition.from();
            if (!known.contains(from)) {
                problems.add("transition references unknown step: " + from + " (" + arrow(transition) + ")");
            }
            Outcome outcome = outcome(transition.on());
            if (outcome == null) {
                problems.add("transition from " + from + " defines unsupported outcome " + transition.on());
            } else if (!seen.add(from + "\u0000" + outcome.value())) {
                problems.add("duplicate transition declared from " + from + " on outcome " + outcome.value());
            }
            if (transition.recovery() != null) {
                if (outcome != Outcome.ERROR) {
                    problems.add("transition from " + from + " can only define recovery markers for :error outcomes");
                }
                if (recovery(transition.recovery()) == null) {
                    problems.add("transition from " + from + " defines unsupported recovery marker "
                            + transition.recovery());
                }
            }
            String to = transition.to();
            if (!Workflows.COMPLETE.equals(to) && !known.contains(to)) {
                problems.add("transition targets unknown step: " + to + " (" + arrow(transition) + ")");
                unknownTargets.add(to);
            } else {
                targets.add(to);
            }
        }
        for (StepDecl step : workflow.steps()) {
            if (step.implementation() == StepKind.PAUSE && !hasTransition(workflow, step.name(), Outcome.OK)) {
                // the original engine accepted this and then failed when the run paused (SPEC §18.9)
                problems.add("pause step " + step.name() + " must define an :ok transition");
            }
            if (step.implementation() == StepKind.APPROVAL) {
                boolean ok = hasTransition(workflow, step.name(), Outcome.OK);
                boolean error = hasTransition(workflow, step.name(), Outcome.ERROR);
                if (!ok || !error) {
                    problems.add("approval step " + step.name() + " must define both :ok and :error transitions");
                }
            }
        }
        List<String> entries = workflow.steps().stream().map(StepDecl::name).distinct()
                .filter(name -> !targets.contains(name)).toList();
        // A misspelt target leaves the step it meant without an incoming transition, so that step counts as an
        // entry too. When the unknown targets can account for every candidate but one, the entry-step problem is
        // only their echo: fixing them fixes it, and reporting it as well would send the reader looking elsewhere.
        boolean echoOfUnknownTargets = entries.size() - unknownTargets.size() <= 1;
        if (entries.isEmpty()) {
            problems.add(ENTRY_STEP_RULE + " (a step no transition leads to); found none");
        } else if (entries.size() > 1 && !echoOfUnknownTargets) {
            problems.add(ENTRY_STEP_RULE + " (a step no transition leads to); found " + entries.size() + ": "
                    + String.join(", ", entries));
        }
    }

    /** A transition as the messages show it: {@code load --ok--> shout}, {@code shout --ok--> COMPLETE}. */
    private static String arrow(TransitionDecl transition) {
        Outcome outcome = outcome(transition.on());
        String to = Workflows.COMPLETE.equals(transition.to()) ? "COMPLETE" : transition.to();
        return transition.from() + " --" + (outcome == null ? transition.on() : outcome.value()) + "--> " + to;
    }

    private static boolean hasTransition(WorkflowDecl workflow, String from, Outcome outcome) {
        return workflow.transitions().stream()
                .anyMatch(t -> Objects.equals(from, t.from()) && outcome(t.on()) == outcome);
    }

    // ---- value readers shared with the compiler -------------------------------------------------

    public static Outcome outcome(Object on) {
        if (on instanceof Outcome outcome) {
            return outcome;
        }
        if (on instanceof String text) {
            for (Outcome outcome : Outcome.values()) {
                if (outcome.value().equals(text)) {
                    return outcome;
                }
            }
        }
        return null;
    }

    public static Recovery recovery(Object marker) {
        if (marker instanceof Recovery recovery) {
            return recovery;
        }
        if (marker instanceof String text) {
            for (Recovery recovery : Recovery.values()) {
                if (recovery.value().equals(text)) {
                    return recovery;
                }
            }
        }
        return null;
    }

    public static LogLevel logLevel(Object level) {
        if (level instanceof LogLevel logLevel) {
            return logLevel;
        }
        if (level instanceof String text) {
            for (LogLevel logLevel : LogLevel.values()) {
                if (logLevel.value().equals(text.toLowerCase(Locale.ROOT))) {
                    return logLevel;
                }
            }
        }
        return null;
    }

    public static Duration duration(Object value) {
        return value instanceof Duration d ? d : Duration.ofMillis(((Number) value).longValue());
    }

    /** A {@link Duration} or a number of milliseconds, above zero. */
    private static boolean isPositiveDuration(Object value) {
        return value instanceof Duration d ? !d.isNegative() && !d.isZero() : value instanceof Number n && n.longValue() > 0;
    }

    /** {@code true} (the Java form), or the original engine's {@code "repo"}. */
    public static boolean isTransactionBoundary(Object value) {
        return Boolean.TRUE.equals(value) || "repo".equals(value);
    }

    private static boolean isNonEmptyStringList(Object value) {
        return value instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(e -> e instanceof String s && !s.isBlank());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Set<String> duplicates(List<String> names) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                duplicates.add(name);
            }
        }
        return duplicates;
    }
}
