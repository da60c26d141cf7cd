package io.squidmesh.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The claim of a run key ({@code squid_mesh_run_keys}): which run the first start with this key of this workflow
 * created, and the digest of the request that made it.
 */
@Entity
@Table(name = "squid_mesh_run_keys")
@IdClass(RunKeyEntity.Key.class)
public class RunKeyEntity {

    @Id
    private String workflow;

    @Id
    @Column(name = "run_key")
    private String runKey;

    @Column(name = "request_digest", nullable = false)
    private String requestDigest;

    // a nullable uuid column kept as text in the entity: EclipseLink 4.0 (Payara 6) cannot write a null UUID.
    // Null only inside the transaction that claims the key, between the claim and the run's insert.
    @Column(name = "run_id")
    private String runId;

    @Column(name = "inserted_at", nullable = false)
    private OffsetDateTime insertedAt;

    protected RunKeyEntity() {
    }

    public RunKeyEntity(String workflow, String runKey, String requestDigest, Instant now) {
        this.workflow = workflow;
        this.runKey = runKey;
        this.requestDigest = requestDigest;
        this.insertedAt = DbTime.of(now);
    }

    public String getRequestDigest() {
        return requestDigest;
    }

    public UUID getRunId() {
        return runId == null ? null : UUID.fromString(runId);
    }

    public void setRunId(UUID runId) {
        this.runId = runId == null ? null : runId.toString();
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String workflow;
        private String runKey;

        public Key() {
        }

        public Key(String workflow, String runKey) {
            this.workflow = workflow;
            this.runKey = runKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(workflow, k.workflow) && Objects.equals(runKey, k.runKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workflow, runKey);
        }
    }
}
