package io.squidmesh.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The durable row of one declared step inside one run ({@code squid_mesh_step_runs}); retries reuse it. */
@Entity
@Table(name = "squid_mesh_step_runs")
public class StepRunEntity {

    @Id
    private UUID id;

    @Column(name = "run_id", nullable = false)
    private UUID runId;

    @Column(nullable = false)
    private String step;

    @Convert(converter = StepStatusConverter.class)
    @Column(nullable = false)
    private StepStatus status;

    @Convert(converter = JsonMapConverter.class)
    @Column(nullable = false)
    private Map<String, Object> input;

    @Convert(converter = JsonMapConverter.class)
    private Map<String, Object> output;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "last_error")
    private Map<String, Object> lastError;

    @Convert(converter = JsonMapConverter.class)
    private Map<String, Object> recovery;

    @Convert(converter = JsonMapConverter.class)
    private Map<String, Object> resume;

    @Convert(converter = JsonMapConverter.class)
    private Map<String, Object> manual;

    @Column(name = "inserted_at", nullable = false)
    private OffsetDateTime insertedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected StepRunEntity() {
    }

    public StepRunEntity(UUID id, UUID runId, String step, StepStatus status, Map<String, Object> input,
                         Map<String, Object> recovery, Instant now) {
        this.id = id;
        this.runId = runId;
        this.step = step;
        this.status = status;
        this.input = input;
        this.recovery = recovery;
        this.insertedAt = DbTime.of(now);
        this.updatedAt = DbTime.of(now);
    }

    public UUID getId() {
        return id;
    }

    public UUID getRunId() {
        return runId;
    }

    public String getStep() {
        return step;
    }

    public StepStatus getStatus() {
        return status;
    }

    public Map<String, Object> getInput() {
        return input;
    }

    public void setInput(Map<String, Object> input) {
        this.input = input;
    }

    public Map<String, Object> getOutput() {
        return output;
    }

    public void setOutput(Map<String, Object> output) {
        this.output = output;
    }

    public Map<String, Object> getLastError() {
        return lastError;
    }

    public void setLastError(Map<String, Object> lastError) {
        this.lastError = lastError;
    }

    public Map<String, Object> getRecovery() {
        return recovery;
    }

    public void setRecovery(Map<String, Object> recovery) {
        this.recovery = recovery;
    }

    /**
     * Sets one entry of the recovery record (the policy snapshot, the route a failure took, a compensation's
     * progress), keeping the others; a new map, so that the JSON column is seen as changed.
     */
    public void putRecovery(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(recovery == null ? Map.of() : recovery);
        changed.put(key, value);
        recovery = changed;
    }

    public Map<String, Object> getResume() {
        return resume;
    }

    public void setResume(Map<String, Object> resume) {
        this.resume = resume;
    }

    public Map<String, Object> getManual() {
        return manual;
    }

    public void setManual(Map<String, Object> manual) {
        this.manual = manual;
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

    public boolean isRunning() {
        return status == StepStatus.RUNNING;
    }

    /** The step failed (its attempt ended with {@code error}, or was taken over). */
    public void fail(Map<String, Object> error, Instant now) {
        status = StepStatus.FAILED;
        lastError = error;
        updatedAt = DbTime.of(now);
    }

    /**
     * The step failed with {@code error}, and so did {@code attempt} if it was still running: an attempt that nobody
     * will finish any more (taken over, cancelled or timed out while it waited, set aside by a migration) must not
     * stay running beside its failed step.
     *
     * @param attempt the step's latest attempt, or null when it has none
     * @return whether the attempt was running (and is now failed)
     */
    public boolean failWithAttempt(StepAttemptEntity attempt, Map<String, Object> error, Instant now) {
        boolean running = attempt != null && attempt.isRunning();
        if (running) {
            attempt.finish(AttemptStatus.FAILED, error, now);
        }
        fail(error, now);
        return running;
    }

    /** The step completed with {@code mappedOutput}; what it waited on and why it failed before are cleared. */
    public void complete(Map<String, Object> mappedOutput, Instant now) {
        status = StepStatus.COMPLETED;
        output = mappedOutput;
        manual = null;
        resume = null;
        lastError = null;
        updatedAt = DbTime.of(now);
    }

    /** A scheduled ({@code pending}) row is claimed for its first attempt. */
    public void claimScheduled(Instant now) {
        status = StepStatus.RUNNING;
        output = null;
        resume = null;
        lastError = null;
        updatedAt = DbTime.of(now);
    }

    /** A failed row runs again (a retry or a takeover) with a fresh input and recovery snapshot. */
    public void reopen(Map<String, Object> freshInput, Map<String, Object> recoveryPolicy, Instant now) {
        status = StepStatus.RUNNING;
        input = freshInput;
        recovery = recoveryPolicy;
        output = null;
        resume = null;
        updatedAt = DbTime.of(now);
    }
}
