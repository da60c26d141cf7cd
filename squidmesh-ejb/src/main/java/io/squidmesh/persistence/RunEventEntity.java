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

/** An external event in a run's mailbox ({@code squid_mesh_run_events}, V7). */
@Entity
@Table(name = "squid_mesh_run_events")
public class RunEventEntity {

    @Id
    private UUID id;

    @Column(name = "run_id", nullable = false)
    private UUID runId;

    @Column(nullable = false)
    private String event;

    @Convert(converter = JsonMapConverter.class)
    @Column(nullable = false)
    private Map<String, Object> payload;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "consumed_by")
    private String consumedBy;

    @Column(name = "consumed_at")
    private OffsetDateTime consumedAt;

    protected RunEventEntity() {
    }

    public RunEventEntity(UUID id, UUID runId, String event, Map<String, Object> payload, String idempotencyKey,
                          Instant now) {
        this.id = id;
        this.runId = runId;
        this.event = event;
        this.payload = payload;
        this.idempotencyKey = idempotencyKey;
        this.receivedAt = DbTime.of(now);
    }

    /** An {@code await_event} step took this event: it is nobody else's any more. */
    public void consumeBy(String step, Instant now) {
        this.consumedBy = step;
        this.consumedAt = DbTime.of(now);
    }

    public UUID getId() {
        return id;
    }

    public UUID getRunId() {
        return runId;
    }

    public String getEvent() {
        return event;
    }

    public Map<String, Object> getPayload() {
        return payload;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Instant getReceivedAt() {
        return DbTime.instant(receivedAt);
    }

    public String getConsumedBy() {
        return consumedBy;
    }

    public Instant getConsumedAt() {
        return DbTime.instant(consumedAt);
    }
}
