package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.Declarations.RetryDecl;
import io.squidmesh.workflow.internal.Declarations.StepDecl;
import io.squidmesh.workflow.internal.Declarations.TransitionDecl;
import io.squidmesh.workflow.internal.Declarations.TriggerDecl;
import io.squidmesh.workflow.internal.Declarations.WorkflowDecl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a {@link Workflow}; start with {@link Workflows#workflow(String)}. Nothing is checked until
 * {@link #build()}, which reports every problem of the definition at once.
 * <p>
 * A workflow either chains its steps with {@link #transition transitions} (exactly one entry step) or
 * declares dependencies with {@link StepOptions#after} (one or more roots, run in phases); never both.
 */
public final class WorkflowBuilder {

    private final String name;
    private String description;
    private java.time.Duration deadline;
    private String deadlineRoute;
    private String version;
    private Integer concurrency;
    private String queue;
    private final List<TriggerDecl> triggers = new ArrayList<>();
    private final List<StepDecl> steps = new ArrayList<>();
    private final List<TransitionDecl> transitions = new ArrayList<>();
    private final List<RetryDecl> retries = new ArrayList<>();

    WorkflowBuilder(String name) {
        this.name = name;
    }

    /**
     * A sentence for inspection and the dashboard.
     *
     * @param description what the workflow does
     * @return this builder
     */
    public WorkflowBuilder description(String description) {
        this.description = description;
        return this;
    }

    /**
     * The version of this definition (default {@value Workflow#DEFAULT_VERSION}). Several versions of one workflow
     * may be deployed side by side, each defined by its own class: new runs take the newest (versions compare as
     * dot-separated numbers where they are numbers: {@code 2 < 10 < 10.1}) unless started with another, and every
     * run stays pinned to the version it started with.
     *
     * @param version 1 to 64 letters, digits, dots, dashes or underscores
     * @return this builder
     */
    public WorkflowBuilder version(String version) {
        this.version = version;
        return this;
    }

    /**
     * Runs this workflow's work on its own queue, with its own consumers, so that slow work here cannot delay the
     * workflows on other queues (and theirs cannot delay this one). The executor must know the queue: with the JMS
     * executor, a queue bound at {@code java:global/squidmesh/jms/queue/<name>} (or the JNDI name in the system
     * property {@code squidmesh.queue.<name>}) and a message-driven bean consuming it; the deployment fails naming
     * the workflow otherwise. Without a queue, work goes to the default one.
     *
     * @param queue 1 to 64 lowercase letters, digits, dashes or underscores
     * @return this builder
     */
    public WorkflowBuilder queue(String queue) {
        this.queue = queue;
        return this;
    }

    /**
     * At most {@code limit} steps of this workflow's runs execute at once, across every node of the cluster (counted
     * in the database: attempts that hold a live lease). A delivery that finds the limit reached leaves its step
     * waiting in the database, without a thread or a message, in order of run priority then age; a step that
     * ends hands its slot to the first waiting one. Limits a fragile downstream; unlimited by default.
     *
     * @param limit from 1 to 10000
     * @return this builder
     */
    public WorkflowBuilder concurrency(int limit) {
        this.concurrency = limit;
        return this;
    }

    /**
     * Every run of this workflow must end within {@code deadline} of its start: a run still unfinished then fails
     * with {@code run_deadline_exceeded} and its compensations run. The deadline is stored with the run when it
     * starts, so it holds across restarts and redeploys; the watchdog enforces it within its period.
     *
     * @param deadline how long a run may take (positive)
     * @return this builder
     */
    public WorkflowBuilder deadline(java.time.Duration deadline) {
        this.deadline = deadline;
        return this;
    }

    /**
     * As {@link #deadline(java.time.Duration)}, but a run still unfinished then goes on at {@code routeStep}
     * (say, a step that gives up politely) instead of failing: whatever step it was at fails with
     * {@code run_deadline_exceeded}, and the deadline is spent. Transition mode only.
     *
     * @param deadline how long a run may take (positive)
     * @param routeStep the step the run goes to when the deadline passes
     * @return this builder
     */
    public WorkflowBuilder deadline(java.time.Duration deadline, String routeStep) {
        this.deadline = deadline;
        this.deadlineRoute = routeStep;
        return this;
    }

    /**
     * Adds a trigger; the first one is the default of {@code startRun(workflow, payload)}.
     *
     * @param trigger the trigger, e.g. from {@link Workflows#manual(String)}
     * @return this builder
     */
    public WorkflowBuilder trigger(TriggerBuilder trigger) {
        triggers.add(trigger.declaration());
        return this;
    }

    /**
     * A custom step: a {@link Step} bean, referenced by its class.
     *
     * @param name the step's name (snake_case)
     * @param step the step bean's class
     * @return this builder
     */
    public WorkflowBuilder step(String name, Class<? extends Step> step) {
        return step(name, step, options -> { });
    }

    /**
     * A custom step with options ({@link StepOptions}).
     *
     * @param name the step's name (snake_case)
     * @param step the step bean's class
     * @param options sets the step's options
     * @return this builder
     */
    public WorkflowBuilder step(String name, Class<? extends Step> step, Consumer<StepOptions> options) {
        return addStep(name, step, Map.of(), options);
    }

    /**
     * A built-in step: {@link Workflows#log}, {@link Workflows#waitFor}, {@link Workflows#pause} or {@link Workflows#batch}.
     *
     * @param name the step's name (snake_case)
     * @param builtIn the built-in step
     * @return this builder
     */
    public WorkflowBuilder step(String name, BuiltIn builtIn) {
        return step(name, builtIn, options -> { });
    }

    /**
     * A built-in step with options ({@link StepOptions}).
     *
     * @param name the step's name (snake_case)
     * @param builtIn the built-in step
     * @param options sets the step's options, added to the built-in's own
     * @return this builder
     */
    public WorkflowBuilder step(String name, BuiltIn builtIn, Consumer<StepOptions> options) {
        return addStep(name, builtIn.kind(), builtIn.options(), options);
    }

    /**
     * A step that stops the run until an operator approves or rejects it; needs ok and error transitions.
     *
     * @param name the step's name (snake_case)
     * @return this builder
     */
    public WorkflowBuilder approval(String name) {
        return approval(name, options -> { });
    }

    /**
     * An approval step with options; {@code output} names where the decision is stored.
     *
     * @param name the step's name (snake_case)
     * @param options sets the step's options
     * @return this builder
     */
    public WorkflowBuilder approval(String name, Consumer<StepOptions> options) {
        return addStep(name, StepKind.APPROVAL, Map.of(), options);
    }

    /**
     * Where the run goes when {@code from} ends with {@code on}; {@code to} is a step or {@link Workflows#COMPLETE}.
     *
     * @param from the step the transition leaves
     * @param on the outcome that takes it
     * @param to the next step, or {@link Workflows#COMPLETE}
     * @return this builder
     */
    public WorkflowBuilder transition(String from, Outcome on, String to) {
        transitions.add(new TransitionDecl(from, on, to, null));
        return this;
    }

    /**
     * An error route labelled as a recovery (compensation or undo) in the run's audit trail.
     *
     * @param from the step the transition leaves
     * @param on the outcome that takes it
     * @param to the next step, or {@link Workflows#COMPLETE}
     * @param recovery the label of the route
     * @return this builder
     */
    public WorkflowBuilder transition(String from, Outcome on, String to, Recovery recovery) {
        transitions.add(new TransitionDecl(from, on, to, recovery));
        return this;
    }

    /**
     * A transition with outcome and recovery given by name ({@code "ok"}, {@code "error"}, {@code "undo"}...).
     *
     * @param from the step the transition leaves
     * @param on the outcome's name
     * @param to the next step, or {@link Workflows#COMPLETE}
     * @param recovery the recovery label's name, or {@code null} for none
     * @return this builder
     */
    public WorkflowBuilder transition(String from, String on, String to, String recovery) {
        transitions.add(new TransitionDecl(from, on, to, recovery));
        return this;
    }

    /**
     * A retry policy for a step, declared apart from the step (same as {@link StepOptions#retry}).
     *
     * @param step the step's name
     * @param maxAttempts the most attempts in all
     * @param backoff the wait between attempts
     * @return this builder
     */
    public WorkflowBuilder retry(String step, int maxAttempts, Backoff backoff) {
        retries.add(new RetryDecl(step, RetryPolicy.of(maxAttempts, backoff)));
        return this;
    }

    /**
     * Validates the definition and returns it.
     *
     * @return the validated workflow
     * @throws WorkflowValidationException listing every problem, each naming the trigger, step or
     *                                     transition at fault
     */
    public Workflow build() {
        return WorkflowCompiler.compile(new WorkflowDecl(name, description, List.copyOf(triggers), List.copyOf(steps),
                List.copyOf(transitions), List.copyOf(retries), deadline, deadlineRoute, version, concurrency,
                queue));
    }

    private WorkflowBuilder addStep(String name, Object implementation, Map<String, Object> builtInOptions,
                                    Consumer<StepOptions> configure) {
        StepOptions options = new StepOptions();
        configure.accept(options);
        Map<String, Object> all = new LinkedHashMap<>(builtInOptions);
        all.putAll(options.toMap());
        steps.add(new StepDecl(name, implementation, all));
        return this;
    }
}
