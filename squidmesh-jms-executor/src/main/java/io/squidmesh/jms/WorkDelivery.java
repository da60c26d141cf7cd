package io.squidmesh.jms;

import io.squidmesh.SquidMeshException;
import io.squidmesh.json.Json;
import io.squidmesh.json.MalformedJsonException;
import io.squidmesh.runtime.Runner;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Delivers Squid Mesh messages to {@link Runner#perform}, one container transaction per message: the state
 * change the delivery makes, the messages it sends and the consumption of this one commit together.
 * <p>
 * A message the engine cannot use (not text, not JSON, not a payload it produces) is logged and rolled
 * back; the broker redelivers it a bounded number of times (the queue's {@code max-delivery-attempts})
 * and then moves it to the dead-letter queue, where an operator can inspect it. Other failures roll back
 * too, and the redelivery retries them.
 * <p>
 * The queue and the number of concurrent consumers come from {@code META-INF/jboss-ejb3.xml} on WildFly
 * ({@code squidmesh.queue}, {@code squidmesh.consumers}) and {@code META-INF/glassfish-ejb-jar.xml} on Payara;
 * the annotation holds the portable defaults.
 * <p>
 * Brokers that redeliver a rolled-back message without limit (OpenMQ, Payara's broker, does so for a message
 * whose transaction the bean marked rollback-only) get the bound from the engine instead: with
 * {@value #MAX_DELIVERIES} set, the delivery that reaches that count is not rolled back but moves the message
 * to {@value #DEAD_LETTER_QUEUE} (a JNDI name) in its transaction, or, with no such queue, logs its body and
 * drops it. Unset (the default, and on WildFly, whose Artemis queue has its own max-delivery-attempts and
 * dead-letter address), the broker's bound applies.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = WorkQueue.DEFAULT_LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class WorkDelivery implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WorkDelivery.class.getName());
    /** MicroProfile Config: the delivery count at which the engine itself dead-letters a message (0: never). */
    static final String MAX_DELIVERIES = "squidmesh.max-deliveries";
    /** MicroProfile Config: JNDI name of the queue that takes the messages the engine dead-letters. */
    static final String DEAD_LETTER_QUEUE = "squidmesh.dead-letter-queue";
    static final String PROPERTY_DEAD_REASON = "squidmesh_dead_reason";

    @Inject
    Runner runner;

    @Inject
    @ConfigProperty(name = MAX_DELIVERIES, defaultValue = "0")
    int maxDeliveries;

    @Inject
    @ConfigProperty(name = DEAD_LETTER_QUEUE)
    Optional<String> deadLetterQueue;

    @Inject
    JMSContext jms;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        String id = messageId(message);
        if (!(message instanceof TextMessage text)) {
            reject(message, id, "it is not a text message");
            return;
        }
        Map<String, Object> payload;
        try {
            payload = Json.readObject(text.getText());
        } catch (MalformedJsonException e) {
            reject(message, id, "its body is not a JSON object (" + e.getMessage() + ")");
            return;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read message " + id, e);
        }
        try {
            runner.perform(payload, id);
        } catch (SquidMeshException e) {
            reject(message, id, e.code() + ": " + e.getMessage());
        }
    }

    private void reject(Message message, String id, String why) {
        int deliveries = deliveries(message);
        if (maxDeliveries > 0 && deliveries >= maxDeliveries) {
            deadLetter(message, id, why, deliveries);
            return;
        }
        LOG.severe(() -> "Squid Mesh cannot process message " + id + " (delivery " + (deliveries > 0 ? deliveries : "?")
                + "): " + why + ". It is rolled back; after the queue's max-delivery-attempts the broker moves it"
                + " to the dead-letter queue.");
        context.setRollbackOnly();
    }

    /** Consumes the message here (its transaction commits) after copying it to the dead-letter queue, if any. */
    private void deadLetter(Message message, String id, String why, int deliveries) {
        String body = body(message);
        if (deadLetterQueue.isEmpty()) {
            LOG.severe(() -> "Squid Mesh cannot process message " + id + " (delivery " + deliveries + "): " + why
                    + ". " + MAX_DELIVERIES + "=" + maxDeliveries + " reached and no " + DEAD_LETTER_QUEUE
                    + " is set: the message is dropped. Body: " + body);
            return;
        }
        String lookup = deadLetterQueue.get();
        try {
            Queue queue = (Queue) new InitialContext().lookup(lookup);
            Message copy = message instanceof TextMessage ? jms.createTextMessage(body) : jms.createMessage();
            for (Object name : Collections.list(message.getPropertyNames())) {
                String property = (String) name;
                if (!property.startsWith("JMSX")) {
                    copy.setObjectProperty(property, message.getObjectProperty(property));
                }
            }
            copy.setStringProperty(PROPERTY_DEAD_REASON, why);
            copy.setStringProperty("squidmesh_original_id", id);
            jms.createProducer().send(queue, copy);
        } catch (NamingException | JMSException | RuntimeException e) {
            LOG.severe(() -> "Squid Mesh cannot move message " + id + " to " + lookup + " (" + e + "); it is rolled back");
            context.setRollbackOnly();
            return;
        }
        LOG.severe(() -> "Squid Mesh cannot process message " + id + " (delivery " + deliveries + "): " + why
                + ". " + MAX_DELIVERIES + "=" + maxDeliveries + " reached: moved to the dead-letter queue " + lookup + ".");
    }

    private static String body(Message message) {
        try {
            return message instanceof TextMessage text ? text.getText() : "(not a text message)";
        } catch (JMSException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int deliveries(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0;
        } catch (JMSException | NumberFormatException e) {
            return 0;
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }
}
