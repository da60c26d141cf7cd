package io.squidmesh.persistence;

import io.squidmesh.RunStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One execution of one workflow ({@code squid_mesh_runs}). */
@Entity
@Table(name = "squid_mesh_runs")
public class RunEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String workflow;

    @Column(name = "trigger", nullable = false)
    private String trigger;

    @Convert(converter = RunStatusConverter.class)
    @Column(nullable = false)
    private RunStatus status;

    @Convert(converter = JsonMapConverter.class)
    @Column(nullable = false)
    private Map<String, Object> input;

    @Convert(converter = JsonMapConverter.class)
    @Column(nullable = false)
    private Map<String, Object> context;

    @Column(name = "current_step")
    private String currentStep;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "last_error")
    private Map<String, Object> lastError;

    // a nullable uuid column kept as text in the entity: EclipseLink 4.0 (Payara 6) cannot write a null UUID
    @Column(name = "replayed_from_run_id")
    private String replayedFromRunId;

    // the caller's key of an idempotent start (unique per workflow through squid_mesh_run_keys), or null
    @Column(name = "run_key")
    private String runKey;

    // the run whose child_run step started this one, and that step; null for runs started otherwise
    // (a nullable uuid column kept as text, as replayed_from_run_id)
    @Column(name = "parent_run_id")
    private String parentRunId;

    @Column(name = "parent_step")
    private String parentStep;

    // by when the run must have ended (its workflow's deadline), or null (see V10)
    @Column(name = "deadline_at")
    private OffsetDateTime deadlineAt;

    // the version of the workflow the run is pinned to, and the fingerprint of that version's graph when it started
    // (null for a run from before versions until its next step adopts the deployed one; see V11)
    /** The priority of a run started without one (the JMS default). */
    public static final int DEFAULT_PRIORITY = 4;

    private static final String HOLD = "hold";
    private static final String MIGRATIONS = "migrations";

    @Column(name = "workflow_version")
    private String workflowVersion;

    @Column(name = "definition_fingerprint")
    private String definitionFingerprint;

    // {hold: why the run is paused for its definition, migrations: [what operators migrated it from and to]}, or null
    @Convert(converter = JsonMapConverter.class)
    @Column(name = "definition_changes")
    private Map<String, Object> definitionChanges;

    // 0-9: the JMS priority of the run's messages and its rank among steps waiting for a concurrency slot (V12)
    @Column(nullable = false)
    private int priority = DEFAULT_PRIORITY;

    // the W3C traceparent of the span that started the run (V14): work queued outside the run's own deliveries
    // continues that trace; null where the server traces nothing
    @Column(name = "trace_parent")
    private String traceParent;

    @Column(name = "inserted_at", nullable = false)
    private OffsetDateTime insertedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    // by when the run must have moved given the work queued for it; null when nothing is queued (see V4)
    @Column(name = "wake_at")
    private OffsetDateTime wakeAt;

    @Column(nullable = false)
    private int nudges;

    @Column(name = "nudge_after")
    private OffsetDateTime nudgeAfter;

    // a nullable uuid column kept as text, as replayed_from_run_id
    @Column(name = "compensation_node")
    private String compensationNode;

    @Column(name = "compensation_until")
    private OffsetDateTime compensationUntil;

    // fences every write of the row against a copy read before another transaction changed it
    @Version
    private long version;

    protected RunEntity() {
    }

    public RunEntity(UUID id, String workflow, String trigger, RunStatus status, Map<String, Object> input,
                     Map<String, Object> context, String currentStep, UUID replayedFromRunId, Instant now) {
        this.id = id;
        this.workflow = workflow;
        this.trigger = trigger;
        this.status = status;
        this.input = input;
        this.context = context;
        this.currentStep = currentStep;
        this.replayedFromRunId = replayedFromRunId == null ? null : replayedFromRunId.toString();
        this.insertedAt = DbTime.of(now);
        this.updatedAt = DbTime.of(now);
    }

    public UUID getId() {
        return id;
    }

    public String getWorkflow() {
        return workflow;
    }

    public String getTrigger() {
        return trigger;
    }

    public RunStatus getStatus() {
        return status;
    }

    /** Only {@code RunTransitions} moves a run, through the state machine. */
    public void setStatus(RunStatus status) {
        this.status = status;
    }

    public Map<String, Object> getInput() {
        return input;
    }

    public Map<String, Object> getContext() {
        return context;
    }

    public void setContext(Map<String, Object> context) {
        this.context = context;
    }

    public String getCurrentStep() {
        return currentStep;
    }

    public void setCurrentStep(String currentStep) {
        this.currentStep = currentStep;
    }

    public Map<String, Object> getLastError() {
        return lastError;
    }

    public void setLastError(Map<String, Object> lastError) {
        this.lastError = lastError;
    }

    public UUID getReplayedFromRunId() {
        return replayedFromRunId == null ? null : UUID.fromString(replayedFromRunId);
    }

    public String getRunKey() {
        return runKey;
    }

    /** Marks this new run as the one started with the caller's key (before it is inserted). */
    public void keyedBy(String key) {
        this.runKey = key;
    }

    public UUID getParentRunId() {
        return parentRunId == null ? null : UUID.fromString(parentRunId);
    }

    public String getParentStep() {
        return parentStep;
    }

    public Instant getDeadline() {
        return DbTime.instant(deadlineAt);
    }

    /** The run must end by {@code deadline} (set when it starts). */
    /** The trace context the run was started in (a W3C traceparent), or null. */
    public String getTraceParent() {
        return traceParent;
    }

    /** Remembers the trace context the run was started in, once: a run's trace starts where the run starts. */
    public void startedInTrace(String traceParent) {
        if (this.traceParent == null) {
            this.traceParent = traceParent;
        }
    }

    public int getPriority() {
        return priority;
    }

    public void prioritize(int priority) {
        this.priority = priority;
    }

    public String getWorkflowVersion() {
        return workflowVersion;
    }

    public String getDefinitionFingerprint() {
        return definitionFingerprint;
    }

    /** Why the run is paused for its definition ({@code reason}: definition_changed, version_not_deployed), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getDefinitionHold() {
        return definitionChanges == null ? null : (Map<String, Object>) definitionChanges.get(HOLD);
    }

    /** The migrations operators made, oldest first: each {@code from_version}, {@code to_version}, {@code at}... */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getMigrations() {
        return definitionChanges == null || !(definitionChanges.get(MIGRATIONS) instanceof List<?> list) ? List.of()
                : (List<Map<String, Object>>) list;
    }

    /** The run runs this version of its workflow, whose graph has this fingerprint, from now on; no hold remains. */
    public void pinTo(String version, String fingerprint) {
        this.workflowVersion = version;
        this.definitionFingerprint = fingerprint;
        changeDefinition(HOLD, null);
    }

    /** The run is held for its definition: {@code hold} says why. */
    public void holdForDefinition(Map<String, Object> hold) {
        changeDefinition(HOLD, hold);
    }

    /** Records a migration an operator made (then {@link #pinTo} the target). */
    public void recordMigration(Map<String, Object> migration) {
        List<Map<String, Object>> migrations = new java.util.ArrayList<>(getMigrations());
        migrations.add(migration);
        changeDefinition(MIGRATIONS, migrations);
    }

    private void changeDefinition(String key, Object value) {
        Map<String, Object> changes = definitionChanges == null ? new java.util.LinkedHashMap<>()
                : new java.util.LinkedHashMap<>(definitionChanges);
        if (value == null) {
            changes.remove(key);
        } else {
            changes.put(key, value);
        }
        definitionChanges = changes.isEmpty() ? null : changes; // a new map: the converter sees the change
    }

    public void mustEndBy(Instant deadline) {
        this.deadlineAt = DbTime.of(deadline);
    }

    /** The deadline was acted on (the run took its deadline route): it binds no more. */
    public void deadlineSpent() {
        this.deadlineAt = null;
    }

    /** Whether the run is still open although its deadline has passed. */
    public boolean overran(Instant now) {
        return !status.isTerminal() && DbTime.reached(deadlineAt, now);
    }

    /** Marks this new run as the child that {@code step} of {@code parent} started (before it is inserted). */
    public void childOf(UUID parent, String step) {
        this.parentRunId = parent.toString();
        this.parentStep = step;
    }

    public Instant getInsertedAt() {
        return DbTime.instant(insertedAt);
    }

    public Instant getUpdatedAt() {
        return DbTime.instant(updatedAt);
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = DbTime.of(updatedAt);
    }

    /** When the watchdog should look at this run, or null when nothing is queued for it. */
    public Instant getWakeAt() {
        return DbTime.instant(wakeAt);
    }

    /**
     * Records work queued for this run that should have been delivered by {@code by}; with work already queued
     * for later, the later time stays, so the watchdog never acts before everything queued was due.
     */
    public void expectProgressBy(Instant by) {
        Instant current = getWakeAt();
        if (current == null || by.isAfter(current)) {
            wakeAt = DbTime.of(by);
        }
    }

    /** Nothing is queued for this run any more (it ended, or waits for an operator). */
    public void expectNothing() {
        wakeAt = null;
        resetNudges();
    }

    /** A delivery made progress: the watchdog's back-off starts over. */
    public void resetNudges() {
        if (nudges != 0 || nudgeAfter != null) {
            nudges = 0;
            nudgeAfter = null;
        }
    }

    public int getNudges() {
        return nudges;
    }

    public Instant getNudgeAfter() {
        return DbTime.instant(nudgeAfter);
    }

    /** The watchdog re-queued this run's work; it looks again no earlier than {@code after}. */
    public void nudged(Instant after) {
        nudges++;
        nudgeAfter = DbTime.of(after);
        wakeAt = DbTime.of(after);
    }

    public UUID getCompensationNode() {
        return compensationNode == null ? null : UUID.fromString(compensationNode);
    }

    public Instant getCompensationUntil() {
        return DbTime.instant(compensationUntil);
    }

    /** The lease of the delivery running this run's saga compensation. */
    public void leaseCompensation(UUID node, Instant until) {
        compensationNode = node.toString();
        compensationUntil = DbTime.of(until);
    }

    public void releaseCompensation() {
        compensationNode = null;
        compensationUntil = null;
    }

    public long getVersion() {
        return version;
    }
}
