package io.squidmesh.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
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

    @Column(nullable = false)
    private String status;

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

    @Column(name = "inserted_at", nullable = false)
    private OffsetDateTime insertedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected RunEntity() {
    }

    public RunEntity(UUID id, String workflow, String trigger, String status, Map<String, Object> input,
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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
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

    public Instant getInsertedAt() {
        return DbTime.instant(insertedAt);
    }

    public Instant getUpdatedAt() {
        return DbTime.instant(updatedAt);
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = DbTime.of(updatedAt);
    }
}
