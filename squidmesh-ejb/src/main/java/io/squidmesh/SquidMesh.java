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

    /**
     * Starts a run through the workflow's first declared trigger.
     *
     * @param workflow the deployed workflow's name
     * @param payload the trigger payload, checked against the trigger's contract
     * @return the new run, {@code pending}
     */
    Run startRun(String workflow, Map<String, Object> payload);

    /**
     * Starts a run through the named trigger.
     *
     * @param workflow the deployed workflow's name
     * @param trigger the name of one of the workflow's triggers
     * @param payload the trigger payload, checked against the trigger's contract
     * @return the new run, {@code pending}
     */
    Run startRun(String workflow, String trigger, Map<String, Object> payload);

    /**
     * Starts a run of the workflow defined by this bean class, through its first declared trigger.
     *
     * @param workflow the bean class that defines the workflow
     * @param payload the trigger payload, checked against the trigger's contract
     * @return the new run, {@code pending}
     */
    Run startRun(Class<? extends WorkflowDefinition> workflow, Map<String, Object> payload);

    /**
     * Starts a run of the workflow defined by this bean class, through the named trigger.
     *
     * @param workflow the bean class that defines the workflow
     * @param trigger the name of one of the workflow's triggers
     * @param payload the trigger payload, checked against the trigger's contract
     * @return the new run, {@code pending}
     */
    Run startRun(Class<? extends WorkflowDefinition> workflow, String trigger, Map<String, Object> payload);

    /**
     * Starts a run with options: a trigger other than the first, and a run key that makes the start idempotent
     * ({@link StartOptions}). With a key, a start repeated with the same trigger and payload answers the run the
     * first one created ({@link RunStart#created()} {@code false}) and writes and queues nothing; with another
     * trigger or payload it fails with {@code run_key_conflict}; concurrent starts with one key create one run.
     *
     * @param workflow the deployed workflow's name
     * @param payload the trigger payload, checked against the trigger's contract
     * @param options the trigger and run key; {@code null} for the defaults
     * @return the run and whether this call created it
     */
    RunStart startRun(String workflow, Map<String, Object> payload, StartOptions options);

    /**
     * Starts a run of the workflow defined by this bean class, with options ({@link #startRun(String, Map,
     * StartOptions)}).
     *
     * @param workflow the bean class that defines the workflow
     * @param payload the trigger payload, checked against the trigger's contract
     * @param options the trigger and run key; {@code null} for the defaults
     * @return the run and whether this call created it
     */
    RunStart startRun(Class<? extends WorkflowDefinition> workflow, Map<String, Object> payload, StartOptions options);

    /**
     * The run without its history.
     *
     * @param runId the run's id (a UUID string)
     * @return the run, with {@code steps}, {@code stepRuns} and {@code auditEvents} {@code null}
     */
    Run inspectRun(String runId);

    /**
     * The run, with step views, step runs (with attempts) and audit events when {@code includeHistory}.
     *
     * @param runId the run's id (a UUID string)
     * @param includeHistory whether to read the step views, step runs and audit events too
     * @return the run
     */
    Run inspectRun(String runId, boolean includeHistory);

    /**
     * Runs newest first, filtered by workflow and status, one page at a time.
     *
     * @param query the filters, page size and cursor
     * @return one page of runs, with the cursor of the next page if there is one
     */
    RunPage listRuns(RunQuery query);

    /**
     * Cancels a run: pending and paused runs are cancelled at once; running and retrying runs become
     * {@code cancelling} and settle on their next delivery.
     *
     * @param runId the run's id (a UUID string)
     * @return the run after the change
     */
    Run cancelRun(String runId);

    /**
     * Sends an external event to a run (a payment provider's confirmation, a reply from another system). The event
     * is kept in the run's mailbox until an {@code awaitEvent} step of that name takes it (at once when the run
     * waits there, else when it gets there); its payload becomes that step's output. Each event is taken once, the
     * oldest first.
     *
     * @param runId the run's id (a UUID string)
     * @param event the event's name, as the step declares it
     * @param payload what the event carries; {@code null} for none
     * @param idempotencyKey the sender's key: a second event with it answers the first and stores nothing;
     *                       {@code null} for none
     * @return the stored event (the first one, for a repeated key)
     * @throws RunNotFoundException when no run has this id
     * @throws RunNotWaitingException when the run has ended ({@code run_not_waiting})
     * @throws InvalidEventException when the name, key or payload cannot be accepted ({@code invalid_event})
     */
    RunEvent signalRun(String runId, String event, Map<String, Object> payload, String idempotencyKey);

    /**
     * Sends an external event to the run started with this run key ({@link StartOptions#key}), as
     * {@link #signalRun(String, String, Map, String)} does: senders that know their own business key need not keep
     * the run's id.
     *
     * @param workflow the workflow's name
     * @param runKey the run key the run was started with
     * @param event the event's name
     * @param payload what the event carries; {@code null} for none
     * @param idempotencyKey the sender's key, or {@code null}
     * @return the stored event
     * @throws RunNotFoundException when no run of this workflow has this key
     */
    RunEvent signalRunByKey(String workflow, String runKey, String event, Map<String, Object> payload,
                            String idempotencyKey);

    /**
     * Resumes a run paused at a pause step.
     *
     * @param runId the run's id (a UUID string)
     * @param action who unblocks it, why, and any metadata
     * @return the run after the change
     */
    Run unblockRun(String runId, ManualAction action);

    /**
     * Approves a run paused at an approval step: it goes on along the step's ok transition.
     *
     * @param runId the run's id (a UUID string)
     * @param action who approves it, why, and any metadata
     * @return the run after the change
     */
    Run approveRun(String runId, ManualAction action);

    /**
     * Rejects a run paused at an approval step: it goes on along the step's error transition.
     *
     * @param runId the run's id (a UUID string)
     * @param action who rejects it, why, and any metadata
     * @return the run after the change
     */
    Run rejectRun(String runId, ManualAction action);

    /**
     * Moves a paused run to another version of its workflow (or to the graph its own version has now, after a
     * redeploy changed it) and goes on at {@code atStep}: the run is pinned to the target's definition, its
     * current step's unfinished row is set aside ({@code failed}, reason {@code migrated}) and {@code atStep} is
     * queued, in one transaction. The audit trail records {@code run.migrated} with the caller. For a run paused
     * by a changed definition ({@link RunExplanation} reasons {@code definition_changed}, {@code
     * version_not_deployed}) this, or cancelling, is the way on.
     * <p>
     * A dependency-mode run goes on by its dependencies under the target graph: pass {@code null} for the step.
     *
     * @param runId the run's id (a UUID string)
     * @param toVersion a deployed version of the run's workflow
     * @param atStep the step of that version to go on at (transition mode); {@code null} in dependency mode
     * @return the run after the change
     * @throws InvalidMigrationException when the version is not deployed or the step does not fit it, naming
     *                                   the argument; nothing changes
     */
    Run migrateRun(String runId, String toVersion, String atStep);

    /**
     * Starts a new run from this run's payload, linked to it. Refused with {@code unsafe_replay} when the run
     * completed irreversible or non-compensatable steps, unless {@code allowIrreversible}.
     *
     * @param runId the id of the run to replay (a UUID string)
     * @param allowIrreversible whether to replay even past irreversible or non-compensatable steps
     * @return the new run
     */
    Run replayRun(String runId, boolean allowIrreversible);

    /**
     * Why the run is where it is and what may be done next (SPEC §9); never changes the run.
     *
     * @param runId the run's id (a UUID string)
     * @return the explanation
     */
    RunExplanation explainRun(String runId);

    /**
     * Retention: deletes the terminal runs matching the filter whose last change is older than {@code olderThan},
     * with their step runs and attempts, as a restartable Jakarta Batch job. Returns the job execution id.
     *
     * @param filter which runs to consider
     * @param olderThan how long a run must have been unchanged to be deleted
     * @param options chunk size and pause between chunks
     * @return the batch job's execution id
     */
    long purgeRuns(RunFilter filter, Duration olderThan, BulkOptions options);

    /**
     * Cancels every run matching the filter that can still be cancelled, as a batch job; returns its execution id.
     *
     * @param filter which runs to cancel
     * @param options chunk size and pause between chunks
     * @return the batch job's execution id
     */
    long cancelRuns(RunFilter filter, BulkOptions options);

    /**
     * Replays every run matching the filter that the replay guard allows (all, with the override), as a batch job.
     *
     * @param filter which runs to replay
     * @param allowIrreversible whether to replay even past irreversible or non-compensatable steps
     * @param options chunk size and pause between chunks
     * @return the batch job's execution id
     */
    long replayRuns(RunFilter filter, boolean allowIrreversible, BulkOptions options);

    /**
     * A bulk job's progress; {@code not_found} for executions that are not Squid Mesh bulk jobs.
     *
     * @param executionId the batch job's execution id
     * @return the job's status and counts
     */
    BulkJob bulkJob(long executionId);

    /**
     * Asks a running bulk job to stop after its current chunk.
     *
     * @param executionId the batch job's execution id
     */
    void stopBulkJob(long executionId);

    /**
     * Restarts a stopped or failed bulk job after its last committed chunk; returns the new execution id.
     *
     * @param executionId the execution id of the stopped or failed job
     * @return the restarted job's new execution id
     */
    long restartBulkJob(long executionId);

    /**
     * The deployed workflows, by name: the newest version of each.
     *
     * @return every deployed workflow
     */
    List<Workflow> workflows();

    /**
     * The newest deployed version of the workflow of this name, if there is one.
     *
     * @param name the workflow's name
     * @return the workflow, or empty when none of that name is deployed
     */
    Optional<Workflow> workflow(String name);

    /**
     * One deployed version of a workflow.
     *
     * @param name the workflow's name
     * @param version the version
     * @return the definition, or empty when that version is not deployed
     */
    Optional<Workflow> workflow(String name, String version);

    /**
     * The versions of a workflow, newest first, with the runs pinned to each; versions no longer deployed that open
     * runs are still pinned to come last.
     *
     * @param name the workflow's name
     * @return the versions; empty when none is deployed and no run is pinned to one
     */
    List<WorkflowVersion> workflowVersions(String name);

    /**
     * The load and the incidents of a recent window, for an operator's overview: runs started and ended per minute,
     * open runs by status, failures grouped by workflow and reason, attempt durations by step.
     *
     * @param window how far back, from 5 minutes to 24 hours
     * @return the overview
     * @throws IllegalArgumentException when the window is outside those bounds
     */
    RunsOverview overview(Duration window);

    /**
     * What needs an operator now: open runs that are stuck (overdue, or queued again by the engine's watchdog) and
     * the executor's dead letters. Failed runs grouped by workflow and reason are in {@link #overview}.
     *
     * @param limit at most this many of each, from 1 to 500
     * @return the incidents
     * @throws IllegalArgumentException when the limit is outside those bounds
     */
    Incidents incidents(int limit);

    /**
     * Sends a dead letter back to the queue it came from, with its delivery count reset, in one transaction with the
     * audit record ({@code dead_letter_redriven}, in the run's audit trail when it is work of a run).
     *
     * @param id the dead letter's id ({@link DeadLetter#id()})
     * @return the dead letter as it was
     * @throws SquidMeshException {@code not_found} when there is no dead letter with that id
     */
    DeadLetter redriveDeadLetter(String id);
}
