package io.squidmesh.it.events;

import io.squidmesh.Run;
import io.squidmesh.RunEvent;
import io.squidmesh.RunStatus;
import io.squidmesh.StartOptions;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.ServerManagement;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.squidmesh.it.support.ServerManagement.DLQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Other systems signal runs through the broker ({@code squidmesh-events}), in the same transaction as their own
 * work: a sender that rolls back sent nothing; a committed message becomes one event, however often the broker
 * delivers it; what can never be an event goes to the dead-letter queue with the reason.
 */
@ExtendWith(ArquillianExtension.class)
class EventIngressIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return EventWorkflows.deployment(EventIngressIT.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Test
    void anEventSentInATransactionThatRollsBackIsNeverSeenOneThatCommitsCompletesTheRun() throws Exception {
        String id = waitingRun("o-jms-1");

        send("{\"run_id\":\"" + id + "\",\"event\":\"payment_confirmed\",\"payload\":{\"n\":1}}", Map.of(), false);
        String committed = send("{\"run_id\":\"" + id + "\",\"event\":\"payment_confirmed\",\"payload\":{\"n\":2}}",
                Map.of(), true);

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(Map.of("n", 2), done.context().get("payment"));
        List<RunEvent> events = squidMesh.inspectRun(id, true).events();
        assertEquals(1, events.size(), events::toString);
        assertEquals("jms:" + committed, events.get(0).idempotencyKey(),
                "a message without a key is keyed by its id, so a redelivery stores nothing");
    }

    @Test
    void aMessageCanNameTheRunByItsWorkflowAndRunKey() throws Exception {
        String key = "order-" + UUID.randomUUID();
        String id = squidMesh.startRun("ev_payment", Map.of("order_id", "o-jms-2"), StartOptions.key(key)).run()
                .id().toString();
        send("{\"workflow\":\"ev_payment\",\"key\":\"" + key + "\",\"event\":\"payment_confirmed\","
                + "\"payload\":{\"n\":3},\"idempotency_key\":\"psp-3\"}", Map.of(), true);

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(Map.of("n", 3), done.context().get("payment"));
        assertEquals("psp-3", squidMesh.inspectRun(id, true).events().get(0).idempotencyKey());
    }

    @Test
    void whatCanNeverBeAnEventGoesToTheDeadLetterQueueWithTheReason() throws Exception {
        String finished = waitingRun("o-jms-3");
        squidMesh.cancelRun(finished);
        String marker = UUID.randomUUID().toString();

        send("{\"run_id\":\"" + finished + "\",\"event\":\"payment_confirmed\"}", Map.of("test_marker", marker), true);
        send("{\"event\":\"payment_confirmed\"}", Map.of("test_marker", marker), true);
        send("{\"run_id\":\"" + UUID.randomUUID() + "\",\"event\":\"payment_confirmed\"}",
                Map.of("test_marker", marker), true);
        send("{not json", Map.of("test_marker", marker), true);

        try (ServerManagement management = ServerManagement.connect()) {
            String mine = "test_marker='" + marker + "'";
            Await.until("four messages in " + DLQ, () -> management.count(DLQ, mine), n -> n == 4,
                    Duration.ofSeconds(30));
            assertEquals(1, management.count(DLQ, mine + " AND squidmesh_dead_reason LIKE 'run_not_waiting:%'"));
            assertEquals(1, management.count(DLQ, mine + " AND squidmesh_dead_reason LIKE "
                    + "'it is not an event message: the run must be named by run_id%'"));
            assertEquals(1, management.count(DLQ, mine + " AND squidmesh_dead_reason LIKE 'not_found:%'"));
            assertEquals(1, management.count(DLQ, mine + " AND squidmesh_dead_reason LIKE "
                    + "'its body is not a JSON object%'"));
            management.removeMessages(DLQ, mine);
        }
        assertTrue(squidMesh.inspectRun(finished, true).events().isEmpty());
    }

    private String waitingRun(String orderId) {
        String id = squidMesh.startRun("ev_payment", Map.of("order_id", orderId)).id().toString();
        Await.until("run " + id + " to wait for its event", () -> squidMesh.explainRun(id).reason(),
                "waiting_for_event"::equals, Duration.ofSeconds(30));
        return id;
    }

    /** Sends one text message to the event queue in a transaction of its own; returns its message id. */
    private String send(String body, Map<String, String> properties, boolean commit) throws Exception {
        Queue queue = (Queue) new InitialContext().lookup(System.getProperty("squidmesh.events-queue",
                "java:app/squidmesh/jms/DefaultEventQueue"));
        transaction.begin();
        String messageId;
        try (JMSContext jms = connections.createContext()) {
            TextMessage message = jms.createTextMessage(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            jms.createProducer().send(queue, message);
            messageId = message.getJMSMessageID();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        if (commit) {
            transaction.commit();
        } else {
            transaction.rollback();
        }
        return messageId;
    }
}
