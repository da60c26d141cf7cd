package io.squidmesh.jms;

import io.squidmesh.SquidMeshException;
import io.squidmesh.runtime.DeliveryDeferredException;
import io.squidmesh.runtime.InvalidExecutorPayloadException;
import io.squidmesh.runtime.Runner;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Delivers Squid Mesh messages to {@link Runner#perform}. The bean runs without a transaction: the engine claims
 * the work, runs the step and records the outcome in transactions of its own (so no transaction is open while a
 * step runs, and none can time out under a long step), and the message is acknowledged when {@code perform}
 * returns. A crash before that redelivers it; the engine finds the work done, or takes it over.
 * <p>
 * What the engine cannot do now is delivered again later by {@link Redelivery}, with a growing delay, a bounded
 * number of times ({@value Redelivery#MAX_DELIVERIES}): work for a workflow or step this node does not know (a
 * rolling upgrade), a run not visible yet, a failure of the moment (the database restarting). When that is
 * exhausted the message goes to the dead-letter queue with its reason in the property
 * {@value Redelivery#PROPERTY_DEAD_REASON} (a run not found is discarded instead). A message the engine never
 * produces (not text, not JSON, not a payload) goes to the dead-letter queue at once. Either way the log names the
 * message.
 * <p>
 * The queue and the number of concurrent consumers come from {@code META-INF/jboss-ejb3.xml} on WildFly
 * ({@code squidmesh.queue}, {@code squidmesh.consumers}) and {@code META-INF/glassfish-ejb-jar.xml} on Payara;
 * the annotation holds the portable defaults.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = WorkQueue.DEFAULT_LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkDelivery implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WorkDelivery.class.getName());

    @Inject
    Runner runner;

    @Inject
    Redelivery redelivery;

    @Override
    public void onMessage(Message message) {
        String id = Redelivery.originalId(message);
        Optional<Map<String, Object>> read = redelivery.jsonObject(message, id);
        if (read.isEmpty()) {
            return; // dead-lettered: it is no work the engine produces
        }
        Map<String, Object> payload = read.get();
        try {
            runner.perform(payload, id, traceParent(message));
        } catch (InvalidExecutorPayloadException e) {
            redelivery.deadLetter(message, id, e.code() + ": " + e.getMessage());
        } catch (DeliveryDeferredException e) {
            redelivery.later(message, id, e.reason(), e.getMessage());
        } catch (SquidMeshException e) {
            // an engine error for this payload alone (a malformed cron signal): it fails the same way every time
            redelivery.deadLetter(message, id, e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            redelivery.later(message, id, null, describe(e));
        }
    }

    /** The trace the work continues; a missing or unreadable property is no trace, never a failed delivery. */
    private static String traceParent(Message message) {
        try {
            return message.getStringProperty(JmsExecutor.PROPERTY_TRACEPARENT);
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.fine(() -> "delivery failed: " + e);
        return root == e ? String.valueOf(e) : e.getClass().getSimpleName() + " caused by " + root;
    }
}
