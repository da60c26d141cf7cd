package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.json.Json;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.delivery.Claim;
import io.squidmesh.runtime.internal.delivery.ExecutionOutcome;
import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The {@code batch} step kind (DESIGN §7): starts the step's Jakarta Batch job with the step input as job
 * parameters, or restarts the execution a previous attempt left failed or stopped (from its checkpoint); then,
 * on each later delivery, looks at the execution and reports it finished or still running. No thread waits for
 * the job: the run is moved on by deliveries. A job runs inside the JVM that started it; when that node is gone
 * ({@link NodeRegistry}), the delivery that finds its execution orphaned starts the job again.
 * <p>
 * Job XML is found where the workflow is declared: the job operator is called with the context class loader of
 * the workflow's module, the module whose {@code META-INF/batch-jobs} holds the job.
 */
@ApplicationScoped
public class BatchSteps {

    static final String EXECUTION_ID = "execution_id";
    static final String NODE_ID = "node_id";
    static final String NODE = "node";
    private static final Logger LOG = Logger.getLogger(BatchSteps.class.getName());
    private static final Set<BatchStatus> ENDED_BADLY =
            EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

    @Inject
    WorkflowRegistry registry;

    @Inject
    NodeRegistry nodes;

    /** Starts (or restarts) the job and reports its execution id. */
    public ExecutionOutcome start(Claim claim) {
        Long previous = previousExecution(claim);
        return launch(claim, operator -> previous != null && restartable(operator, claim, previous)
                ? operator.restart(previous, parameters(claim))
                : operator.start(claim.step().job(), parameters(claim)));
    }

    private ExecutionOutcome launch(Claim claim, Function<JobOperator, Long> how) {
        try {
            long execution = inModuleOf(claim, () -> how.apply(BatchRuntime.getJobOperator()));
            return new ExecutionOutcome.BatchStarted(execution);
        } catch (RuntimeException e) {
            return new ExecutionOutcome.Failed(StepError.retryable(Map.of("message",
                    "batch job " + claim.step().job() + " could not start: " + e.getMessage(),
                    "type", e.getClass().getName()), null));
        }
    }

    /** False when the repository forgot the execution at a restart: the job then starts anew. */
    private static boolean restartable(JobOperator operator, Claim claim, long execution) {
        JobExecution previous = ours(operator, claim, execution);
        return previous != null && ENDED_BADLY.contains(previous.getBatchStatus());
    }

    /** Where the execution stands: completed (output), failed or stopped (retryable error), or still running. */
    public ExecutionOutcome check(Claim claim, long executionId) {
        return inModuleOf(claim, () -> {
            JobOperator operator = BatchRuntime.getJobOperator();
            JobExecution execution = ours(operator, claim, executionId);
            String lost = execution == null ? "is unknown to the job repository (the server that ran it restarted)"
                    : orphaned(claim, execution.getBatchStatus());
            if (lost != null) {
                // the job ran inside a JVM that is gone, and such an execution can be neither restarted nor
                // abandoned: the same attempt starts the job anew
                LOG.warning(() -> "batch job " + claim.step().job() + " execution " + executionId + " of run "
                        + claim.runId() + " step " + claim.stepName() + " " + lost + "; starting the job again");
                return launch(claim, again -> again.start(claim.step().job(), parameters(claim)));
            }
            BatchStatus status = execution.getBatchStatus();
            if (status == BatchStatus.COMPLETED) {
                return ExecutionOutcome.Succeeded.now(output(execution, operator.getStepExecutions(executionId)));
            }
            if (ENDED_BADLY.contains(status)) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", "batch job " + execution.getJobName() + " ended " + status);
                error.put(EXECUTION_ID, executionId);
                error.put("batch_status", status.name());
                error.put("exit_status", execution.getExitStatus());
                return new ExecutionOutcome.Failed(StepError.retryable(error, null));
            }
            return new ExecutionOutcome.StillRunning();
        });
    }

    /**
     * The execution, if the repository still holds the one this step started: an in-memory repository forgets
     * executions at a restart and hands their ids to new ones, so the job parameters must name this run and step.
     */
    private static JobExecution ours(JobOperator operator, Claim claim, long executionId) {
        try {
            JobExecution execution = operator.getJobExecution(executionId);
            Properties parameters = execution.getJobParameters();
            return parameters != null && claim.runId().toString().equals(parameters.getProperty("squidmesh.run_id"))
                    && claim.stepName().equals(parameters.getProperty("squidmesh.step")) ? execution : null;
        } catch (NoSuchJobExecutionException e) {
            return null;
        }
    }

    /** Why a running execution will never finish, or null: the node it runs in is gone. */
    private String orphaned(Claim claim, BatchStatus status) {
        StepResume.Batch launched = claim.resume() instanceof StepResume.Batch b ? b : null;
        if ((status == BatchStatus.STARTING || status == BatchStatus.STARTED) && launched != null
                && launched.nodeId() instanceof String nodeId && nodes.isGone(UUID.fromString(nodeId))) {
            return "was left " + status + " by node " + launched.node() + ", which is gone";
        }
        return null;
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
        return claim.lastError() != null && claim.lastError().json().get(EXECUTION_ID) instanceof Number n
                ? n.longValue() : null;
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
