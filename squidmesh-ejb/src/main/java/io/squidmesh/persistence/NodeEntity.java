package io.squidmesh.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A running engine instance ({@code squid_mesh_nodes}) and when its heartbeat last wrote. */
@Entity
@Table(name = "squid_mesh_nodes")
public class NodeEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "seen_at", nullable = false)
    private OffsetDateTime seenAt;

    @Column(name = "tx_node")
    private String txNode;

    protected NodeEntity() {
    }

    public NodeEntity(UUID id, String name, String txNode, Instant now) {
        this.id = id;
        this.name = name;
        this.txNode = txNode;
        this.startedAt = DbTime.of(now);
        this.seenAt = DbTime.of(now);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getSeenAt() {
        return DbTime.instant(seenAt);
    }

    public void setSeenAt(Instant seenAt) {
        this.seenAt = DbTime.of(seenAt);
    }

    public Instant getStartedAt() {
        return DbTime.instant(startedAt);
    }

    /** The transaction manager's node identifier of this instance, when the server tells it. */
    public String getTxNode() {
        return txNode;
    }
}
