package io.squidmesh.runtime.internal;

import io.squidmesh.json.Json;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code batch} step kind (DESIGN §7): starts the step's Jakarta Batch job with the step input as job
 * parameters, or restarts the execution a previous attempt left failed or stopped (from its checkpoint); then,
 * on each later delivery, looks at the execution and reports it finished or still running. No thread waits for
 * the job: the run is moved on by deliveries.
 * <p>
 * Job XML is found where the workflow is declared: the job operator is called with the context class loader of
 * the workflow's module, the module whose {@code META-INF/batch-jobs} holds the job.
 */
@ApplicationScoped
public class BatchSteps {

    static final String EXECUTION_ID = "execution_id";
    private static final Set<BatchStatus> ENDED_BADLY =
            EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

    @Inject
    WorkflowRegistry registry;

    /** Starts (or restarts) the job and reports its execution id. */
    ExecutionOutcome start(Claim claim) {
        Properties parameters = parameters(claim);
        Long previous = previousExecution(claim);
        try {
            long execution = inModuleOf(claim, () -> {
                JobOperator operator = BatchRuntime.getJobOperator();
                if (previous != null && ENDED_BADLY.contains(operator.getJobExecution(previous).getBatchStatus())) {
                    return operator.restart(previous, parameters);
                }
                return operator.start(claim.step().job(), parameters);
            });
            return new ExecutionOutcome.BatchStarted(execution);
        } catch (RuntimeException e) {
            return new ExecutionOutcome.Failed(StepErrors.retryable(Map.of("message",
                    "batch job " + claim.step().job() + " could not start: " + e.getMessage(),
                    "type", e.getClass().getName()), null));
        }
    }

    /** Where the execution stands: completed (output), failed or stopped (retryable error), or still running. */
    ExecutionOutcome check(Claim claim, long executionId) {
        return inModuleOf(claim, () -> {
            JobOperator operator = BatchRuntime.getJobOperator();
            JobExecution execution = operator.getJobExecution(executionId);
            BatchStatus status = execution.getBatchStatus();
            if (status == BatchStatus.COMPLETED) {
                return new ExecutionOutcome.Succeeded(output(execution, operator.getStepExecutions(executionId)), 0);
            }
            if (ENDED_BADLY.contains(status)) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", "batch job " + execution.getJobName() + " ended " + status);
                error.put(EXECUTION_ID, executionId);
                error.put("batch_status", status.name());
                error.put("exit_status", execution.getExitStatus());
                return new ExecutionOutcome.Failed(StepErrors.retryable(error, null));
            }
            return new ExecutionOutcome.StillRunning();
        });
    }

    static Map<String, Object> output(JobExecution execution, List<StepExecution> steps) {
        Map<String, Object> totals = new LinkedHashMap<>();
        List<Map<String, Object>> stepViews = new ArrayList<>();
        for (StepExecution step : steps) {
            Map<String, Object> metrics = metrics(step.getMetrics());
            metrics.forEach((name, value) -> totals.merge(name, value, (a, b) -> (Long) a + (Long) b));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", step.getStepName());
            view.put("batch_status", step.getBatchStatus().name());
            view.put("exit_status", step.getExitStatus());
            view.put("metrics", metrics);
            stepViews.add(view);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put(EXECUTION_ID, execution.getExecutionId());
        output.put("job", execution.getJobName());
        output.put("batch_status", execution.getBatchStatus().name());
        output.put("exit_status", execution.getExitStatus());
        output.put("metrics", totals);
        output.put("steps", stepViews);
        return output;
    }

    private static Map<String, Object> metrics(Metric[] metrics) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (metrics != null) {
            for (Metric metric : metrics) {
                values.put(metric.getType().name().toLowerCase(Locale.ROOT), metric.getValue());
            }
        }
        return values;
    }

    /** The step input as job parameters (strings; maps and lists as JSON) plus where the job comes from. */
    private static Properties parameters(Claim claim) {
        Properties parameters = new Properties();
        claim.input().forEach((key, value) -> {
            if (value != null) {
                parameters.setProperty(key, value instanceof Map<?, ?> || value instanceof List<?>
                        ? Json.write(value) : String.valueOf(value));
            }
        });
        parameters.setProperty("squidmesh.run_id", claim.runId().toString());
        parameters.setProperty("squidmesh.workflow", claim.workflow().name());
        parameters.setProperty("squidmesh.step", claim.stepName());
        parameters.setProperty("squidmesh.attempt", Integer.toString(claim.attemptNumber()));
        return parameters;
    }

    private static Long previousExecution(Claim claim) {
        return claim.lastError() != null && claim.lastError().get(EXECUTION_ID) instanceof Number n ? n.longValue() : null;
    }

    private <T> T inModuleOf(Claim claim, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(registry.moduleOf(claim.workflow().name()));
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
