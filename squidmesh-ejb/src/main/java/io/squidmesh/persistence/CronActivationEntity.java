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

/** A cron activation that started a run ({@code squid_mesh_cron_activations}), keyed by its window's signal. */
@Entity
@Table(name = "squid_mesh_cron_activations")
@IdClass(CronActivationEntity.Key.class)
public class CronActivationEntity {

    @Id
    private String workflow;

    @Id
    @Column(name = "trigger")
    private String trigger;

    @Id
    @Column(name = "signal_id")
    private String signalId;

    // a nullable uuid column kept as text in the entity: EclipseLink 4.0 (Payara 6) cannot write a null UUID
    @Column(name = "run_id")
    private String runId;

    @Column(name = "inserted_at", nullable = false)
    private OffsetDateTime insertedAt;

    protected CronActivationEntity() {
    }

    public CronActivationEntity(String workflow, String trigger, String signalId, Instant now) {
        this.workflow = workflow;
        this.trigger = trigger;
        this.signalId = signalId;
        this.insertedAt = DbTime.of(now);
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
        private String trigger;
        private String signalId;

        public Key() {
        }

        public Key(String workflow, String trigger, String signalId) {
            this.workflow = workflow;
            this.trigger = trigger;
            this.signalId = signalId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(workflow, k.workflow) && Objects.equals(trigger, k.trigger)
                    && Objects.equals(signalId, k.signalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workflow, trigger, signalId);
        }
    }
}
