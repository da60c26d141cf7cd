package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.json.StorableJson;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry.StepInstance;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.waiting.BatchSteps;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.StepSpec;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one attempt of a step and turns whatever it does into an {@link ExecutionOutcome} (SPEC §4.11,
 * §6.8). Writes nothing: the caller applies the outcome. Nothing a step does escapes: a thrown exception
 * is a terminal failure with its class and message.
 */
@ApplicationScoped
public class StepExecution {

    private static final Logger LOG = Logger.getLogger(StepExecution.class.getName());

    @Inject
    WorkflowRegistry registry;

    @Inject
    BatchSteps batches;

    public ExecutionOutcome run(Claim claim) {
        return storable(kind(claim), "output");
    }

    private ExecutionOutcome kind(Claim claim) {
        StepSpec step = claim.step();
        return switch (step.kind()) {
            case LOG -> {
                LOG.log(level(step), step.message() + " " + StepLogContext.describe(claim));
                yield ExecutionOutcome.Succeeded.now(Map.of());
            }
            case WAIT -> new ExecutionOutcome.Succeeded(Map.of(), step.waitDelay());
            case PAUSE, APPROVAL -> new ExecutionOutcome.Paused();
            // settled whole when delivered (EventWaits); never claimed for execution
            case AWAIT_EVENT, CHILD_RUN -> throw new IllegalStateException(step.kind() + " step " + step.name()
                    + " is not executed");
            case BATCH -> claim.resume() instanceof StepResume.Batch launched
                    && launched.executionId() instanceof Number id ? batches.check(claim, id.longValue())
                    : batches.start(claim);
            case CUSTOM -> custom(claim, step);
        };
    }

    private ExecutionOutcome custom(Claim claim, StepSpec spec) {
        StepContext context = new StepContext(claim.runId(), claim.workflow().name(), claim.stepName(),
                claim.attemptNumber(), Collections.unmodifiableMap(claim.state()), false);
        return invoke(spec.implementation(), claim.input(), context);
    }

    /** Runs a step bean (a forward step or a compensation callback) and maps what it does to an outcome. */
    public ExecutionOutcome invoke(Class<? extends Step> type, Map<String, Object> input, StepContext context) {
        try (StepInstance instance = registry.step(type)) {
            return storable(outcomeOf(instance.step(), input, context), "output");
        } catch (RuntimeException e) { // creating or destroying the bean failed
            return new ExecutionOutcome.Failed(StepError.thrown(unwrap(e)), unwrap(e));
        }
    }

    /** One attempt of a step bean and what it came to: the result mapping of SPEC §4.11, before storability. */
    static ExecutionOutcome outcomeOf(Step step, Map<String, Object> input, StepContext context) {
        Map<String, String> inputViolations = step.inputSchema().violations(input, "input");
        if (!inputViolations.isEmpty()) {
            return validationFailure("input", inputViolations);
        }
        StepResult result;
        try {
            result = step.run(Collections.unmodifiableMap(new LinkedHashMap<>(input)), context);
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            LOG.log(Level.FINE, "step raised: run_id=" + context.runId() + " step=" + context.step(), cause);
            return new ExecutionOutcome.Failed(StepError.thrown(cause), cause);
        }
        if (result instanceof StepResult.Ok ok) {
            Map<String, String> outputViolations = step.outputSchema().violations(ok.output(), "output");
            if (!outputViolations.isEmpty()) {
                return validationFailure("output", outputViolations);
            }
            return new ExecutionOutcome.Succeeded(ok.output(), ok.scheduleIn());
        }
        if (result instanceof StepResult.Failure failure) {
            return new ExecutionOutcome.Failed(StepError.terminal(failure.reason()));
        }
        if (result instanceof StepResult.Retry retry) {
            return new ExecutionOutcome.Failed(StepError.retryable(retry.reason(),
                    retry.retryAfter() == null ? null : retry.retryAfter().toMillis()));
        }
        return new ExecutionOutcome.Failed(StepError.refused("native step returned an invalid result",
                "result", String.valueOf(result)));
    }

    /**
     * A success whose output the database could not store becomes a terminal failure naming the field, before
     * anything is written: retrying would produce the same output and fail the same way (DESIGN G2).
     */
    static ExecutionOutcome storable(ExecutionOutcome outcome, String side) {
        if (!(outcome instanceof ExecutionOutcome.Succeeded success)) {
            return outcome;
        }
        return StorableJson.problem(success.output(), side).<ExecutionOutcome>map(problem -> new ExecutionOutcome.Failed(
                StepError.refused("step " + side + " cannot be stored: " + problem, "reason", "output_not_storable",
                        "field", problem.substring(0, problem.indexOf(':'))))).orElse(outcome);
    }

    private static ExecutionOutcome validationFailure(String side, Map<String, String> violations) {
        return new ExecutionOutcome.Failed(StepError.refused("native step " + side + " validation failed",
                "validation_errors", new LinkedHashMap<>(violations)));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static Level level(StepSpec step) {
        return switch (step.level()) {
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARNING;
            case ERROR -> Level.SEVERE;
        };
    }
}
