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
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.Map;
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
 * ({@code squidmesh.queue}, {@code squidmesh.consumers}); the annotation holds the portable defaults.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = WorkQueue.DEFAULT_LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class WorkDelivery implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WorkDelivery.class.getName());

    @Inject
    Runner runner;

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
        LOG.severe(() -> "Squid Mesh cannot process message " + id + " (delivery " + deliveryCount(message)
                + "): " + why + ". It is rolled back; after the queue's max-delivery-attempts the broker moves it"
                + " to the dead-letter queue.");
        context.setRollbackOnly();
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }

    private static String deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount")
                    ? String.valueOf(message.getIntProperty("JMSXDeliveryCount")) : "?";
        } catch (JMSException e) {
            return "?";
        }
    }
}
