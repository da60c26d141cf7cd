package io.squidmesh.it.support;

import io.squidmesh.BulkJob;
import io.squidmesh.BulkOptions;
import io.squidmesh.ManualAction;
import io.squidmesh.Roles;
import io.squidmesh.Run;
import io.squidmesh.RunEvent;
import io.squidmesh.RunStart;
import io.squidmesh.StartOptions;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunFilter;
import io.squidmesh.RunPage;
import io.squidmesh.RunQuery;
import io.squidmesh.SquidMesh;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API as an operator calls it: in-container tests have no authenticated caller, and the facade demands
 * a role, so they go through this bean, which runs as {@value Roles#OPERATOR} (the way host code without
 * a caller of its own is meant to call the engine).
 */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.OPERATOR)
public class OperatorSquidMesh implements SquidMesh {

    @EJB
    SquidMesh api;

    @Override
    public Run startRun(String workflow, Map<String, Object> payload) {
        return api.startRun(workflow, payload);
    }

    @Override
    public Run startRun(String workflow, String trigger, Map<String, Object> payload) {
        return api.startRun(workflow, trigger, payload);
    }

    @Override
    public Run startRun(Class<? extends WorkflowDefinition> workflow, Map<String, Object> payload) {
        return api.startRun(workflow, payload);
    }

    @Override
    public Run startRun(Class<? extends WorkflowDefinition> workflow, String trigger, Map<String, Object> payload) {
        return api.startRun(workflow, trigger, payload);
    }

    @Override
    public RunStart startRun(String workflow, Map<String, Object> payload, StartOptions options) {
        return api.startRun(workflow, payload, options);
    }

    @Override
    public RunStart startRun(Class<? extends WorkflowDefinition> workflow, Map<String, Object> payload,
                             StartOptions options) {
        return api.startRun(workflow, payload, options);
    }

    @Override
    public Run inspectRun(String runId) {
        return api.inspectRun(runId);
    }

    @Override
    public Run inspectRun(String runId, boolean includeHistory) {
        return api.inspectRun(runId, includeHistory);
    }

    @Override
    public RunPage listRuns(RunQuery query) {
        return api.listRuns(query);
    }

    @Override
    public Run cancelRun(String runId) {
        return api.cancelRun(runId);
    }

    @Override
    public RunEvent signalRun(String runId, String event, Map<String, Object> payload, String idempotencyKey) {
        return api.signalRun(runId, event, payload, idempotencyKey);
    }

    @Override
    public RunEvent signalRunByKey(String workflow, String runKey, String event, Map<String, Object> payload,
                                   String idempotencyKey) {
        return api.signalRunByKey(workflow, runKey, event, payload, idempotencyKey);
    }

    @Override
    public Run unblockRun(String runId, ManualAction action) {
        return api.unblockRun(runId, action);
    }

    @Override
    public Run approveRun(String runId, ManualAction action) {
        return api.approveRun(runId, action);
    }

    @Override
    public Run migrateRun(String runId, String toVersion, String atStep) {
        return api.migrateRun(runId, toVersion, atStep);
    }

    @Override
    public Run rejectRun(String runId, ManualAction action) {
        return api.rejectRun(runId, action);
    }

    @Override
    public Run replayRun(String runId, boolean allowIrreversible) {
        return api.replayRun(runId, allowIrreversible);
    }

    @Override
    public RunExplanation explainRun(String runId) {
        return api.explainRun(runId);
    }

    @Override
    public long purgeRuns(RunFilter filter, Duration olderThan, BulkOptions options) {
        return api.purgeRuns(filter, olderThan, options);
    }

    @Override
    public long cancelRuns(RunFilter filter, BulkOptions options) {
        return api.cancelRuns(filter, options);
    }

    @Override
    public long replayRuns(RunFilter filter, boolean allowIrreversible, BulkOptions options) {
        return api.replayRuns(filter, allowIrreversible, options);
    }

    @Override
    public BulkJob bulkJob(long executionId) {
        return api.bulkJob(executionId);
    }

    @Override
    public void stopBulkJob(long executionId) {
        api.stopBulkJob(executionId);
    }

    @Override
    public long restartBulkJob(long executionId) {
        return api.restartBulkJob(executionId);
    }

    @Override
    public List<Workflow> workflows() {
        return api.workflows();
    }

    @Override
    public Optional<Workflow> workflow(String name) {
        return api.workflow(name);
    }

    @Override
    public Optional<Workflow> workflow(String name, String version) {
        return api.workflow(name, version);
    }

    @Override
    public java.util.List<io.squidmesh.WorkflowVersion> workflowVersions(String name) {
        return api.workflowVersions(name);
    }

    @Override
    public io.squidmesh.RunsOverview overview(java.time.Duration window) {
        return api.overview(window);
    }

    @Override
    public io.squidmesh.Incidents incidents(int limit) {
        return api.incidents(limit);
    }

    @Override
    public io.squidmesh.DeadLetter redriveDeadLetter(String id) {
        return api.redriveDeadLetter(id);
    }
}
