package io.squidmesh.it.support;

import io.squidmesh.Run;
import io.squidmesh.SquidMesh;
import io.squidmesh.json.Json;
import io.squidmesh.runtime.Runner;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;

/**
 * What tests do to the engine from outside its API: start a run in a transaction that then rolls back, put
 * raw messages on the work queue (duplicates, stale and malformed ones), and deliver payloads the way an
 * executor does, through {@link Runner#perform}.
 */
@Stateless
@jakarta.annotation.security.PermitAll
@jakarta.annotation.security.RunAs(io.squidmesh.Roles.OPERATOR)
public class Driver {

    @Inject
    SquidMesh squidMesh;

    @Inject
    Runner runner;

    @Inject
    JMSContext jms;

    @Inject
    @ConfigProperty(name = "squidmesh.queue")
    String queueName;

    @Resource
    SessionContext session;

    @Resource(lookup = "java:comp/DefaultDataSource")
    javax.sql.DataSource dataSource;

    /** Starts a run, then marks the transaction for rollback; returns the run as it would have been. */
    public Run startThenRollBack(String workflow, Map<String, Object> payload) {
        Run run = squidMesh.startRun(workflow, payload);
        session.setRollbackOnly();
        return run;
    }

    /** Sends a text message to the work queue in its own transaction; returns its JMS message id. */
    public String send(String body, Map<String, String> properties) {
        try {
            TextMessage message = jms.createTextMessage(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            jms.createProducer().send(queue(), message);
            return message.getJMSMessageID();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sendPayload(Map<String, Object> payload, Map<String, String> properties) {
        return send(Json.write(payload), properties);
    }

    /** Delivers a payload as an executor would, in a transaction of its own. */
    public void perform(Map<String, Object> payload, String deliveryId) {
        runner.perform(payload, deliveryId);
    }

    /** Overwrites a step row's persisted resume metadata, as an older deployment might have left it. */
    public void rewriteResume(java.util.UUID runId, String step, Map<String, Object> resume) {
        writeResume(runId, step, Json.write(resume));
    }

    /** Removes a step row's resume metadata, as if it had been lost. */
    public void clearResume(java.util.UUID runId, String step) {
        writeResume(runId, step, null);
    }

    /**
     * Hands the claim on the latest attempt of a step to another node, as if that node had claimed it: the lease
     * then names {@code node} and lapses at {@code until}. What a node that died (or stopped renewing) leaves.
     */
    public void moveLease(java.util.UUID runId, String step, java.util.UUID node, java.time.Instant until) {
        update("UPDATE squid_mesh_step_attempts SET lease_node = ?, lease_until = ? WHERE id = (SELECT a.id FROM"
                        + " squid_mesh_step_attempts a JOIN squid_mesh_step_runs s ON a.step_run_id = s.id"
                        + " WHERE s.run_id = ? AND s.step = ? ORDER BY a.attempt_number DESC LIMIT 1)",
                node, until.atOffset(java.time.ZoneOffset.UTC), runId, step);
    }

    /** Registers another engine node, alive as of {@code seenAt}, as a cluster member would. */
    public void registerNode(java.util.UUID node, String name, java.time.Instant seenAt) {
        java.time.OffsetDateTime at = seenAt.atOffset(java.time.ZoneOffset.UTC);
        update("INSERT INTO squid_mesh_nodes (id, name, started_at, seen_at) VALUES (?, ?, ?, ?)", node, name, at, at);
    }

    /** The run's wake-up time (when the watchdog expects it to have moved), or null. */
    public java.time.Instant wakeAt(java.util.UUID runId) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "SELECT wake_at FROM squid_mesh_runs WHERE id = ?")) {
            query.setObject(1, runId);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                java.time.OffsetDateTime at = rows.getObject(1, java.time.OffsetDateTime.class);
                return at == null ? null : at.toInstant();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the run's wake-up time, as if the work queued for it had been due then. */
    public void setWakeAt(java.util.UUID runId, java.time.Instant at) {
        update("UPDATE squid_mesh_runs SET wake_at = ? WHERE id = ?",
                at == null ? null : at.atOffset(java.time.ZoneOffset.UTC), runId);
    }

    private void update(String sql, Object... parameters) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("expected one row for " + sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeResume(java.util.UUID runId, String step, String json) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement update = connection.prepareStatement(
                     "UPDATE squid_mesh_step_runs SET resume = ? WHERE run_id = ? AND step = ?")) {
            update.setString(1, json);
            update.setObject(2, runId);
            update.setString(3, step);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no step row " + step + " for run " + runId);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Queue queue() {
        try {
            return (Queue) new InitialContext().lookup(queueName);
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }
}
