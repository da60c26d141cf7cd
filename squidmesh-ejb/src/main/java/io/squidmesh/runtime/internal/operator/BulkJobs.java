package io.squidmesh.runtime.internal.operator;

import io.squidmesh.BulkJob;
import io.squidmesh.BulkOptions;
import io.squidmesh.RunFilter;
import io.squidmesh.SquidMeshException;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.query.RunKeysReader;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Launches and follows the operator jobs ({@code META-INF/batch-jobs/squidmesh-*-runs.xml}): chunked, so each
 * chunk of runs is one transaction; restartable from the last committed chunk; visible in the server's batch
 * console. A purge's cutoff is fixed when it is launched, so a restart deletes the same set.
 */
@ApplicationScoped
public class BulkJobs {

    static final String PURGE = "squidmesh-purge-runs";
    static final String CANCEL = "squidmesh-cancel-runs";
    static final String REPLAY = "squidmesh-replay-runs";
    private static final Set<String> JOBS = Set.of(PURGE, CANCEL, REPLAY);

    public long purge(RunFilter filter, Duration olderThan, BulkOptions options) {
        Properties parameters = parameters(filter, options);
        parameters.setProperty(RunKeysReader.UPDATED_BEFORE, Clocks.now().minus(olderThan).toString());
        return operator().start(PURGE, parameters);
    }

    public long cancel(RunFilter filter, BulkOptions options) {
        return operator().start(CANCEL, parameters(filter, options));
    }

    public long replay(RunFilter filter, boolean allowIrreversible, BulkOptions options) {
        Properties parameters = parameters(filter, options);
        parameters.setProperty(BulkWriters.ALLOW_IRREVERSIBLE, Boolean.toString(allowIrreversible));
        return operator().start(REPLAY, parameters);
    }

    public BulkJob status(long executionId) {
        JobOperator operator = operator();
        JobExecution execution = execution(operator, executionId);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", 0L);
        counts.put("written", 0L);
        counts.put("skipped", 0L);
        for (StepExecution step : operator.getStepExecutions(executionId)) {
            for (Metric metric : step.getMetrics()) {
                switch (metric.getType()) {
                    case READ_COUNT -> counts.merge("read", metric.getValue(), Long::sum);
                    case WRITE_COUNT -> counts.merge("written", metric.getValue(), Long::sum);
                    case FILTER_COUNT, WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT ->
                            counts.merge("skipped", metric.getValue(), Long::sum);
                    default -> { }
                }
            }
        }
        return new BulkJob(executionId, execution.getJobName(), execution.getBatchStatus().name(),
                execution.getExitStatus(), counts, instant(execution.getStartTime()), instant(execution.getEndTime()));
    }

    public void stop(long executionId) {
        JobOperator operator = operator();
        execution(operator, executionId);
        operator.stop(executionId);
    }

    /** Restarts a stopped or failed bulk job from its last committed chunk; returns the new execution id. */
    public long restart(long executionId) {
        JobOperator operator = operator();
        execution(operator, executionId);
        return operator.restart(executionId, new Properties());
    }

    private static JobExecution execution(JobOperator operator, long executionId) {
        try {
            JobExecution execution = operator.getJobExecution(executionId);
            if (!JOBS.contains(execution.getJobName())) {
                throw new NoSuchJobExecutionException();
            }
            return execution;
        } catch (NoSuchJobExecutionException e) {
            throw new SquidMeshException("not_found", "no Squid Mesh bulk job execution " + executionId,
                    Map.of("execution_id", executionId));
        }
    }

    private static Properties parameters(RunFilter filter, BulkOptions options) {
        BulkOptions given = options == null ? BulkOptions.defaults() : options;
        Properties parameters = new Properties();
        parameters.setProperty(RunKeysReader.CHUNK_SIZE, Integer.toString(given.chunkSize()));
        parameters.setProperty(RunKeysReader.PAUSE_MS, Long.toString(given.pauseBetweenChunks().toMillis()));
        if (filter != null && filter.workflow() != null) {
            parameters.setProperty(RunKeysReader.WORKFLOW, filter.workflow());
        }
        if (filter != null && filter.status() != null) {
            parameters.setProperty(RunKeysReader.STATUS, filter.status().value());
        }
        return parameters;
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
