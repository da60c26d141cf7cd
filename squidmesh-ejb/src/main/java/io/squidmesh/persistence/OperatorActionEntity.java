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

/** An operator's action kept for the audit trail that no run row records ({@code squid_mesh_operator_actions}, V15). */
@Entity
@Table(name = "squid_mesh_operator_actions")
public class OperatorActionEntity {

    @Id
    private UUID id;

    // a nullable uuid column kept as text, as replayed_from_run_id (EclipseLink cannot bind a null UUID)
    @Column(name = "run_id")
    private String runId;

    @Column(nullable = false)
    private String action;

    // null when the caller has no name (a bean running as the operator role: timers, listeners)
    @Column
    private String actor;

    @Convert(converter = JsonMapConverter.class)
    @Column(nullable = false)
    private Map<String, Object> details;

    @Column(name = "acted_at", nullable = false)
    private OffsetDateTime actedAt;

    protected OperatorActionEntity() {
    }

    public OperatorActionEntity(UUID runId, String action, String actor, Map<String, Object> details, Instant now) {
        this.id = UUID.randomUUID();
        this.runId = runId == null ? null : runId.toString();
        this.action = action;
        this.actor = actor;
        this.details = details;
        this.actedAt = DbTime.of(now);
    }

    public UUID getRunId() {
        return runId == null ? null : UUID.fromString(runId);
    }

    public String getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public Map<String, Object> getDetails() {
        return details;
    }

    public Instant getActedAt() {
        return DbTime.instant(actedAt);
    }
}
