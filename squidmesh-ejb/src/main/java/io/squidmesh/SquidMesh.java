package io.squidmesh;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Squid Mesh API: start, inspect, list and steer workflow runs. Inject it anywhere in the
 * application ({@code @Inject SquidMesh squidMesh}); it is a stateless session bean, and each call is
 * one JTA transaction that joins the caller's if there is one. Errors are {@link SquidMeshException}s
 * carrying the original engine's codes; a failed call writes nothing.
 * <p>
 * Run ids are UUID strings: a malformed id fails with {@code invalid_run_id}, an unknown one with
 * {@code not_found}.
 */
public interface SquidMesh {

    /** Starts a run through the workflow's first declared trigger. */
    Run startRun(String workflow, Map<String, Object> payload);

    /** Starts a run through the named trigger. */
    Run startRun(String workflow, String trigger, Map<String, Object> payload);

    /** Starts a run of the workflow defined by this bean class, through its first declared trigger. */
    Run startRun(Class<? extends WorkflowDefinition> workflow, Map<String, Object> payload);

    /** Starts a run of the workflow defined by this bean class, through the named trigger. */
    Run startRun(Class<? extends WorkflowDefinition> workflow, String trigger, Map<String, Object> payload);

    /** The run without its history. */
    Run inspectRun(String runId);

    /** The run, with step views, step runs (with attempts) and audit events when {@code includeHistory}. */
    Run inspectRun(String runId, boolean includeHistory);

    /** Runs newest first, filtered by workflow and status, one page at a time. */
    RunPage listRuns(RunQuery query);

    /**
     * Cancels a run: pending and paused runs are cancelled at once; running and retrying runs become
     * {@code cancelling} and settle on their next delivery.
     */
    Run cancelRun(String runId);

    /** Resumes a run paused at a pause step. */
    Run unblockRun(String runId, ManualAction action);

    /** Approves a run paused at an approval step: it goes on along the step's ok transition. */
    Run approveRun(String runId, ManualAction action);

    /** Rejects a run paused at an approval step: it goes on along the step's error transition. */
    Run rejectRun(String runId, ManualAction action);

    /**
     * Starts a new run from this run's payload, linked to it. Refused with {@code unsafe_replay} when the run
     * completed irreversible or non-compensatable steps, unless {@code allowIrreversible}.
     */
    Run replayRun(String runId, boolean allowIrreversible);

    /** Why the run is where it is and what may be done next (SPEC §9); never changes the run. */
    RunExplanation explainRun(String runId);

    /**
     * Retention: deletes the terminal runs matching the filter whose last change is older than {@code olderThan},
     * with their step runs and attempts, as a restartable Jakarta Batch job. Returns the job execution id.
     */
    long purgeRuns(RunFilter filter, Duration olderThan, BulkOptions options);

    /** Cancels every run matching the filter that can still be cancelled, as a batch job; returns its execution id. */
    long cancelRuns(RunFilter filter, BulkOptions options);

    /** Replays every run matching the filter that the replay guard allows (all, with the override), as a batch job. */
    long replayRuns(RunFilter filter, boolean allowIrreversible, BulkOptions options);

    /** A bulk job's progress; {@code not_found} for executions that are not Squid Mesh bulk jobs. */
    BulkJob bulkJob(long executionId);

    /** Asks a running bulk job to stop after its current chunk. */
    void stopBulkJob(long executionId);

    /** Restarts a stopped or failed bulk job after its last committed chunk; returns the new execution id. */
    long restartBulkJob(long executionId);

    /** The deployed workflows, by name. */
    List<Workflow> workflows();

    /** The deployed workflow of this name, if there is one. */
    Optional<Workflow> workflow(String name);
}
