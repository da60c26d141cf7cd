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
