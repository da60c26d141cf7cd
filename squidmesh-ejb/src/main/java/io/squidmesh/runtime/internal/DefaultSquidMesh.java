package io.squidmesh.runtime.internal;

import io.squidmesh.BulkJob;
import io.squidmesh.BulkOptions;
import io.squidmesh.DeadLetter;
import io.squidmesh.InvalidTriggerException;
import io.squidmesh.InvalidWorkflowException;
import io.squidmesh.ManualAction;
import io.squidmesh.Roles;
import io.squidmesh.Run;
import io.squidmesh.RunEvent;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunFilter;
import io.squidmesh.RunPage;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStart;
import io.squidmesh.RunsOverview;
import io.squidmesh.SquidMesh;
import io.squidmesh.StartOptions;
import io.squidmesh.WorkflowVersion;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.runtime.internal.definition.DeployedDefinitions;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.operator.BulkJobs;
import io.squidmesh.runtime.internal.operator.Cancellation;
import io.squidmesh.runtime.internal.operator.ManualActions;
import io.squidmesh.runtime.internal.operator.OperatorIncidents;
import io.squidmesh.runtime.internal.operator.Replays;
import io.squidmesh.runtime.internal.operator.RunMigrations;
import io.squidmesh.runtime.internal.query.Explanations;
import io.squidmesh.runtime.internal.query.RunCursor;
import io.squidmesh.runtime.internal.query.RunReader;
import io.squidmesh.runtime.internal.query.RunsOverviewReader;
import io.squidmesh.runtime.internal.waiting.RunSignals;
import io.squidmesh.workflow.TriggerSpec;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SquidMesh} API as a stateless session bean: one JTA transaction per call. Reads need the
 * {@value Roles#VIEWER} or {@value Roles#OPERATOR} role, changes {@value Roles#OPERATOR}: the container checks
 * them on every call, so injecting the bean does not bypass them. Code without a caller of its own (timers,
 * message listeners) calls through a bean annotated {@code @RunAs("squidmesh-operator")}.
 */
@Stateless
@Local(SquidMesh.class)
@DeclareRoles({Roles.VIEWER, Roles.OPERATOR})
@RolesAllowed(Roles.OPERATOR)
public class DefaultSquidMesh implements SquidMesh {

    private static final Duration OVERVIEW_MIN = Duration.ofMinutes(5);
    private static final Duration OVERVIEW_MAX = Duration.ofHours(24);

    @Inject
    WorkflowRegistry registry;

    @Inject
    RunStarter starter;

    @Inject
    RunReader reader;

    @Inject
    RunsOverviewReader overviews;

    @Inject
    RunStore runs;

    @Inject
    Cancellation cancellation;

    @Inject
    RunSignals signals;

    @Inject
    ManualActions manualActions;

    @Inject
    Replays replays;

    @Inject
    RunMigrations migrations;

    @Inject
    DeployedDefinitions deployedDefinitions;

    @Inject
    Explanations explanations;

    @Inject
    BulkJobs bulkJobs;

    @Inject
    OperatorIncidents incidents;

    @Resource
    SessionContext session;

    @Override
    public Run startRun(String workflow, Map<String, Object> payload) {
        Workflow definition = registry.require(workflow);
        return start(definition, definition.defaultTrigger(), payload);
    }

    @Override
    public Run startRun(String workflow, String trigger, Map<String, Object> payload) {
        Workflow definition = registry.require(workflow);
        return start(definition, trigger(definition, trigger), payload);
    }

    @Override
    public Run startRun(Class<? extends WorkflowDefinition> workflow, Map<String, Object> payload) {
        Workflow definition = registry.require(workflow);
        return start(definition, definition.defaultTrigger(), payload);
    }

    @Override
    public Run startRun(Class<? extends WorkflowDefinition> workflow, String trigger, Map<String, Object> payload) {
        Workflow definition = registry.require(workflow);
        return start(definition, trigger(definition, trigger), payload);
    }

    @Override
    public RunStart startRun(String workflow, Map<String, Object> payload, StartOptions options) {
        String version = options == null ? null : options.version();
        return start(registry.find(workflow, version).orElseThrow(() -> version == null
                || registry.versions(workflow).isEmpty() ? new InvalidWorkflowException(workflow)
                : new InvalidWorkflowException(workflow, version, registry.versions(workflow).stream()
                        .map(Workflow::version).toList())), payload, options);
    }

    @Override
    public RunStart startRun(Class<? extends WorkflowDefinition> workflow, Map<String, Object> payload,
                             StartOptions options) {
        Workflow definition = registry.require(workflow);
        if (options != null && options.version() != null && !options.version().equals(definition.version())) {
            throw new InvalidWorkflowException(definition.name(), options.version(), List.of(definition.version()));
        }
        return start(definition, payload, options);
    }

    private RunStart start(Workflow workflow, Map<String, Object> payload, StartOptions options) {
        StartOptions given = options == null ? StartOptions.defaults() : options;
        if (payload == null) {
            throw new io.squidmesh.InvalidPayloadException("payload must be a map of field names to values");
        }
        return starter.start(workflow, trigger(workflow, given.trigger()), payload, Map.of(), given.key(),
                given.priority());
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public Run inspectRun(String runId) {
        return inspectRun(runId, false);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public Run inspectRun(String runId, boolean includeHistory) {
        return reader.read(RunViews.runId(runId), includeHistory);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public RunPage listRuns(RunQuery query) {
        RunCursor after = query.after() == null ? null : RunCursor.decode(query.after());
        List<RunEntity> rows = runs.page(query.workflow(), query.status(),
                query.key(), after == null ? null : after.insertedAt(), after == null ? null : after.id(), query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<RunEntity> page = more ? rows.subList(0, query.limit()) : rows;
        RunEntity last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? new RunCursor(last.getInsertedAt(), last.getId()).encode() : null;
        return new RunPage(page.stream().map(RunViews::run).toList(), next);
    }

    @Override
    public Run cancelRun(String runId) {
        return RunViews.run(cancellation.cancel(RunViews.runId(runId)));
    }

    @Override
    public RunEvent signalRun(String runId, String event, Map<String, Object> payload, String idempotencyKey) {
        return signals.signal(RunViews.runId(runId), event, payload, idempotencyKey);
    }

    @Override
    public RunEvent signalRunByKey(String workflow, String runKey, String event, Map<String, Object> payload,
                                   String idempotencyKey) {
        return signals.signalByKey(workflow, runKey, event, payload, idempotencyKey);
    }

    @Override
    public Run unblockRun(String runId, ManualAction action) {
        return RunViews.run(manualActions.unblock(RunViews.runId(runId), action, caller()));
    }

    @Override
    public Run migrateRun(String runId, String toVersion, String atStep) {
        return RunViews.run(migrations.migrate(RunViews.runId(runId), toVersion, atStep, caller()));
    }

    @Override
    public Run approveRun(String runId, ManualAction action) {
        return RunViews.run(manualActions.review(RunViews.runId(runId), true, action, caller()));
    }

    @Override
    public Run rejectRun(String runId, ManualAction action) {
        return RunViews.run(manualActions.review(RunViews.runId(runId), false, action, caller()));
    }

    @Override
    public Run replayRun(String runId, boolean allowIrreversible) {
        return replays.replay(RunViews.runId(runId), allowIrreversible);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public RunExplanation explainRun(String runId) {
        return explanations.explain(RunViews.runId(runId));
    }

    @Override
    public long purgeRuns(RunFilter filter, Duration olderThan, BulkOptions options) {
        return bulkJobs.purge(filter, olderThan, options);
    }

    @Override
    public long cancelRuns(RunFilter filter, BulkOptions options) {
        return bulkJobs.cancel(filter, options);
    }

    @Override
    public long replayRuns(RunFilter filter, boolean allowIrreversible, BulkOptions options) {
        return bulkJobs.replay(filter, allowIrreversible, options);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public BulkJob bulkJob(long executionId) {
        return bulkJobs.status(executionId);
    }

    @Override
    public void stopBulkJob(long executionId) {
        bulkJobs.stop(executionId);
    }

    @Override
    public long restartBulkJob(long executionId) {
        return bulkJobs.restart(executionId);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public RunsOverview overview(Duration window) {
        if (window == null || window.compareTo(OVERVIEW_MIN) < 0 || window.compareTo(OVERVIEW_MAX) > 0) {
            throw new IllegalArgumentException("the overview's window must be from 5 minutes to 24 hours, not " + window);
        }
        return overviews.read(window);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<Workflow> workflows() {
        return registry.all();
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public Optional<Workflow> workflow(String name) {
        return registry.find(name);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public Optional<Workflow> workflow(String name, String version) {
        return registry.find(name, version);
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<WorkflowVersion> workflowVersions(String name) {
        return deployedDefinitions.versions(name);
    }

    private Run start(Workflow workflow, TriggerSpec trigger, Map<String, Object> payload) {
        if (payload == null) {
            throw new io.squidmesh.InvalidPayloadException("payload must be a map of field names to values");
        }
        return starter.start(workflow, trigger, payload, Map.of());
    }

    /**
     * The authenticated caller, or null for code without an identity of its own (an unauthenticated or
     * {@code @RunAs} caller): the server's anonymous principal decides, never a name (see {@link Callers}).
     */
    private String caller() {
        return Callers.name(session.getCallerPrincipal());
    }

    private static TriggerSpec trigger(Workflow workflow, String name) {
        if (name == null) {
            return workflow.defaultTrigger();
        }
        return workflow.trigger(name)
                .orElseThrow(() -> new InvalidTriggerException(workflow.name(), name, "has no trigger " + name));
    }

    @Override
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public io.squidmesh.Incidents incidents(int limit) {
        return incidents.read(limit);
    }

    @Override
    public DeadLetter redriveDeadLetter(String id) {
        return incidents.redrive(id, caller());
    }
}
