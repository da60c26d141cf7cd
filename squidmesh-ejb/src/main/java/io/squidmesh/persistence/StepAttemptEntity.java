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

/** One execution try of a step run ({@code squid_mesh_step_attempts}). */
@Entity
@Table(name = "squid_mesh_step_attempts")
public class StepAttemptEntity {

    @Id
    private UUID id;

    @Column(name = "step_run_id", nullable = false)
    private UUID stepRunId;

    @Column(name = "attempt_number", nullable = false)
    private int attemptNumber;

    @Convert(converter = AttemptStatusConverter.class)
    @Column(nullable = false)
    private AttemptStatus status;

    @Convert(converter = JsonMapConverter.class)
    private Map<String, Object> error;

    @Column(name = "delivery_id")
    private String deliveryId;

    @Column(name = "inserted_at", nullable = false)
    private OffsetDateTime insertedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    // the engine instance executing this attempt and until when its claim holds (see V4); null when nothing runs
    // a nullable uuid column kept as text (EclipseLink 4.0 on Payara cannot write a null UUID)
    @Column(name = "lease_node")
    private String leaseNode;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    // by when the attempt must end (the step's timeout), or null; its lease never reaches past it (see V9)
    @Column(name = "deadline_at")
    private OffsetDateTime deadlineAt;

    protected StepAttemptEntity() {
    }

    public StepAttemptEntity(UUID id, UUID stepRunId, int attemptNumber, AttemptStatus status, String deliveryId, Instant now) {
        this.id = id;
        this.stepRunId = stepRunId;
        this.attemptNumber = attemptNumber;
        this.status = status;
        this.deliveryId = deliveryId;
        this.insertedAt = DbTime.of(now);
        this.updatedAt = DbTime.of(now);
    }

    public UUID getId() {
        return id;
    }

    public UUID getStepRunId() {
        return stepRunId;
    }

    public int getAttemptNumber() {
        return attemptNumber;
    }

    public AttemptStatus getStatus() {
        return status;
    }

    public Map<String, Object> getError() {
        return error;
    }

    public void setError(Map<String, Object> error) {
        this.error = error;
    }

    public String getDeliveryId() {
        return deliveryId;
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
        return status == AttemptStatus.RUNNING;
    }

    public UUID getLeaseNode() {
        return leaseNode == null ? null : UUID.fromString(leaseNode);
    }

    public Instant getLeaseUntil() {
        return DbTime.instant(leaseUntil);
    }

    /** Claimed for execution by {@code node} until {@code until}, and never past the attempt's deadline. */
    public void lease(UUID node, Instant until) {
        leaseNode = node.toString();
        Instant deadline = getDeadline();
        leaseUntil = DbTime.of(deadline != null && deadline.isBefore(until) ? deadline : until);
    }

    public Instant getDeadline() {
        return DbTime.instant(deadlineAt);
    }

    /** The attempt must end by {@code deadline} (set when it is claimed, before its lease). */
    public void mustEndBy(Instant deadline) {
        this.deadlineAt = DbTime.of(deadline);
    }

    /** Whether the attempt still runs although its deadline has passed. */
    public boolean overran(Instant now) {
        return isRunning() && DbTime.reached(deadlineAt, now);
    }

    /** Nothing executes it any more: it waits (paused, batch job running) or it ended. */
    public void releaseLease() {
        leaseUntil = null;
    }

    /** Ends this attempt (completed or failed) and releases its lease. */
    public void finish(AttemptStatus finalStatus, Map<String, Object> finalError, Instant now) {
        status = finalStatus;
        error = finalError;
        updatedAt = DbTime.of(now);
        leaseUntil = null;
    }
}
