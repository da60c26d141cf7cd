package io.squidmesh.jms;

import io.squidmesh.json.Json;
import io.squidmesh.json.MalformedJsonException;
import io.squidmesh.runtime.DeliveryDeferredException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What {@link WorkDelivery} does with a message the engine could not perform: send a copy back to the work queue
 * with a delivery delay (the message itself is then acknowledged), or, when that was done often enough or can
 * never help, send it to the dead-letter queue with the reason, or discard it. The engine bounds and paces this
 * itself, the same way on every broker, instead of rolling back into the broker's redelivery: so the reason travels
 * with the message, a database outage gets a growing delay rather than ten quick failures, and brokers that
 * redeliver without limit (OpenMQ, Payara's) cannot loop.
 * <p>
 * Settings (MicroProfile Config): {@value #MAX_DELIVERIES} (default 10) deliveries in all, the first delay
 * {@value #REDELIVERY_DELAY} (default 1000 ms), doubled each time up to {@value #MAX_REDELIVERY_DELAY} (default
 * 60000 ms), so about four minutes in all by default; {@value #DEAD_LETTER_QUEUE}, the JNDI name of the dead-letter
 * queue (default: the one the application defines, {@value WorkQueue#DEFAULT_DLQ_LOOKUP}). A run that is not
 * found is tried {@value #UNKNOWN_RUN_DELIVERIES} times at most: it can only be a message that overtook the commit
 * of its run, or a run purged since.
 */
@ApplicationScoped
public class Redelivery {

    static final String MAX_DELIVERIES = "squidmesh.max-deliveries";
    static final String REDELIVERY_DELAY = "squidmesh.redelivery-delay-ms";
    static final String MAX_REDELIVERY_DELAY = "squidmesh.max-redelivery-delay-ms";
    static final String DEAD_LETTER_QUEUE = "squidmesh.dead-letter-queue";
    static final String PROPERTY_DEAD_REASON = "squidmesh_dead_reason";
    static final String PROPERTY_ORIGINAL_ID = "squidmesh_original_id";
    static final String PROPERTY_DELIVERY = "squidmesh_delivery";
    static final String PROPERTY_LAST_FAILURE = "squidmesh_last_failure";
    /** On a dead letter: the queue the message came from, where a redrive sends it back. */
    static final String PROPERTY_SOURCE_QUEUE = "squidmesh_source_queue";
    /** On redriven work: the dead letter's id it was sent back from. */
    static final String PROPERTY_REDRIVEN_FROM = "squidmesh_redriven_from";
    static final int UNKNOWN_RUN_DELIVERIES = 3;
    private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());

    @Inject
    JMSContext jms;

    @Inject
    WorkQueueLocator queues;

    @Inject
    @ConfigProperty(name = DEAD_LETTER_QUEUE, defaultValue = WorkQueue.DEFAULT_DLQ_LOOKUP)
    String deadLetterLookup;

    private Queue deadLetterQueue;

    /** The bounds, read on each use so that an operator can change them on a running server. */
    record Bounds(int maxDeliveries, long redeliveryDelay, long maxRedeliveryDelay) {
        static Bounds current() {
            Config config = ConfigProvider.getConfig();
            Bounds bounds = new Bounds(config.getOptionalValue(MAX_DELIVERIES, Integer.class).orElse(10),
                    config.getOptionalValue(REDELIVERY_DELAY, Long.class).orElse(1000L),
                    config.getOptionalValue(MAX_REDELIVERY_DELAY, Long.class).orElse(60000L));
            if (bounds.maxDeliveries < 1 || bounds.redeliveryDelay < 0
                    || bounds.maxRedeliveryDelay < bounds.redeliveryDelay) {
                throw new IllegalStateException("invalid Squid Mesh configuration: " + MAX_DELIVERIES + "="
                        + bounds.maxDeliveries + ", " + REDELIVERY_DELAY + "=" + bounds.redeliveryDelay + ", "
                        + MAX_REDELIVERY_DELAY + "=" + bounds.maxRedeliveryDelay
                        + " (expected at least 1 delivery and 0 <= delay <= max delay)");
            }
            return bounds;
        }

        /** The delay before delivery number {@code delivery + 1}: the first delay, doubled each time, capped. */
        long delay(int delivery) {
            long delay = redeliveryDelay;
            for (int i = 1; i < delivery && delay < maxRedeliveryDelay; i++) {
                delay *= 2;
            }
            return Math.min(delay, maxRedeliveryDelay);
        }
    }

    @PostConstruct
    void resolve() {
        Bounds.current(); // a bad value fails the deployment, naming the keys
        deadLetterQueue = lookup(deadLetterLookup).orElse(null);
        if (deadLetterQueue == null) {
            LOG.warning(() -> DEAD_LETTER_QUEUE + "=" + deadLetterLookup + " is not a JMS queue bound in JNDI: messages"
                    + " the engine cannot use are logged with their body and dropped");
        }
    }

    /**
     * The message's body as a JSON object; a message that is not text, or not a JSON object, is moved to the
     * dead-letter queue with the reason, and empty is answered.
     */
    Optional<Map<String, Object>> jsonObject(Message message, String id) {
        if (!(message instanceof TextMessage text)) {
            deadLetter(message, id, "it is not a text message");
            return Optional.empty();
        }
        try {
            return Optional.of(Json.readObject(text.getText()));
        } catch (MalformedJsonException e) {
            deadLetter(message, id, "its body is not a JSON object (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read message " + id, e);
        }
    }

    /** What becomes of a delivery that could not be performed for now. */
    sealed interface Verdict {
        /** Deliver it again after {@code delayMillis}; {@code allowed} deliveries in all. */
        record Again(long delayMillis, int allowed) implements Verdict {
        }

        /** Its deliveries are used up and it belongs in the dead-letter queue. */
        record DeadLetter() implements Verdict {
        }

        /** Its deliveries are used up and it is dropped (a run that never appeared: the watchdog owns such work). */
        record Discard() implements Verdict {
        }
    }

    /**
     * The decision for delivery number {@code delivery} that failed for {@code reason} (null: a failure of the moment,
     * such as a database outage): again with a growing delay while deliveries are left (only
     * {@value #UNKNOWN_RUN_DELIVERIES} for a run not yet visible), then the dead-letter queue, or nothing for a reason
     * that says so.
     */
    static Verdict decide(int delivery, DeliveryDeferredException.Reason reason, Bounds bounds) {
        int allowed = reason == DeliveryDeferredException.Reason.UNKNOWN_RUN
                ? Math.min(UNKNOWN_RUN_DELIVERIES, bounds.maxDeliveries()) : bounds.maxDeliveries();
        if (delivery < allowed) {
            return new Verdict.Again(bounds.delay(delivery), allowed);
        }
        return reason == null || reason.deadLetterWhenExhausted() ? new Verdict.DeadLetter() : new Verdict.Discard();
    }

    /** Delivers the message again later, or ends it when its deliveries are used up. */
    void later(Message message, String id, DeliveryDeferredException.Reason reason, String why) {
        int delivery = delivery(message);
        Verdict verdict = decide(delivery, reason, Bounds.current());
        if (verdict instanceof Verdict.DeadLetter) {
            deadLetter(message, id, why);
            return;
        }
        if (verdict instanceof Verdict.Discard) {
            LOG.warning(() -> why + "; discarded after " + delivery + " deliveries (message " + id + ")");
            return;
        }
        long delay = ((Verdict.Again) verdict).delayMillis();
        int allowed = ((Verdict.Again) verdict).allowed();
        try {
            Message copy = copy(message);
            copy.setIntProperty(PROPERTY_DELIVERY, delivery + 1);
            copy.setStringProperty(PROPERTY_LAST_FAILURE, truncate(why));
            // back to the queue it came from: a workflow's own queue keeps its work
            jakarta.jms.Destination from = message.getJMSDestination() != null ? message.getJMSDestination()
                    : queues.queue();
            jms.createProducer().setDeliveryDelay(delay).setPriority(message.getJMSPriority()).send(from, copy);
        } catch (JMSException | RuntimeException e) {
            // the broker is unreachable too: roll back into the broker's own redelivery
            throw new IllegalStateException("cannot deliver message " + id + " again (" + e + ") after: " + why, e);
        }
        LOG.warning(() -> "Squid Mesh could not process message " + id + " (delivery " + delivery + " of " + allowed
                + "): " + why + ". Delivering it again in " + delay + " ms.");
    }

    /** Moves the message to the dead-letter queue with its reason (or logs and drops it when there is none). */
    void deadLetter(Message message, String id, String why) {
        int delivery = delivery(message);
        if (deadLetterQueue == null) {
            LOG.severe(() -> "Squid Mesh cannot process message " + id + " (delivery " + delivery + "): " + why
                    + ". No dead-letter queue (" + DEAD_LETTER_QUEUE + "): the message is dropped. Body: " + body(message));
            return;
        }
        try {
            Message copy = copy(message);
            copy.setStringProperty(PROPERTY_DEAD_REASON, truncate(why));
            copy.setIntProperty(PROPERTY_DELIVERY, delivery);
            if (message.getJMSDestination() instanceof Queue source) {
                copy.setStringProperty(PROPERTY_SOURCE_QUEUE, source.getQueueName());
            }
            jms.createProducer().send(deadLetterQueue, copy);
        } catch (JMSException | RuntimeException e) {
            throw new IllegalStateException("cannot move message " + id + " to " + deadLetterLookup + " (" + e + ")", e);
        }
        LOG.severe(() -> "Squid Mesh cannot process message " + id + " (delivery " + delivery + "): " + why
                + ". Moved to the dead-letter queue " + deadLetterLookup + ".");
    }

    /** Which delivery of the original message this is, counting the engine's copies and the broker's redeliveries. */
    static int delivery(Message message) {
        int copies = intProperty(message, PROPERTY_DELIVERY, 1);
        int broker = intProperty(message, "JMSXDeliveryCount", 1);
        return copies + Math.max(0, broker - 1);
    }

    /** The id of the message as first sent, which copies carry along. */
    static String originalId(Message message) {
        try {
            String original = message.getStringProperty(PROPERTY_ORIGINAL_ID);
            return original != null ? original : message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id)";
        }
    }

    private Message copy(Message message) throws JMSException {
        return copy(message, java.util.Set.of());
    }

    /**
     * A dead letter as new work: its body and properties without what the dead-letter queue added or what counted
     * its deliveries (so it gets every delivery again), marked with the dead letter it came from.
     */
    Message backToWork(Message deadLetter) throws JMSException {
        Message copy = copy(deadLetter, java.util.Set.of(PROPERTY_DEAD_REASON, PROPERTY_DELIVERY, PROPERTY_LAST_FAILURE,
                PROPERTY_SOURCE_QUEUE, PROPERTY_REDRIVEN_FROM));
        copy.setStringProperty(PROPERTY_REDRIVEN_FROM, deadLetter.getJMSMessageID());
        return copy;
    }

    /** The dead-letter queue, when there is one. */
    Optional<Queue> deadLetterQueue() {
        return Optional.ofNullable(deadLetterQueue);
    }

    private Message copy(Message message, java.util.Set<String> leftOut) throws JMSException {
        Message copy = message instanceof TextMessage text ? jms.createTextMessage(text.getText()) : jms.createMessage();
        java.util.Enumeration<?> names = message.getPropertyNames();
        while (names.hasMoreElements()) {
            String property = (String) names.nextElement();
            if (!property.startsWith("JMSX") && !leftOut.contains(property)) {
                copy.setObjectProperty(property, message.getObjectProperty(property));
            }
        }
        copy.setStringProperty(PROPERTY_ORIGINAL_ID, originalId(message));
        return copy;
    }

    private static int intProperty(Message message, String name, int otherwise) {
        try {
            return message.propertyExists(name) ? message.getIntProperty(name) : otherwise;
        } catch (JMSException | NumberFormatException e) {
            return otherwise;
        }
    }

    private static String body(Message message) {
        try {
            return message instanceof TextMessage text ? text.getText() : "(not a text message)";
        } catch (JMSException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000) + "...";
    }

    private static Optional<Queue> lookup(String name) {
        try {
            return Optional.of((Queue) new InitialContext().lookup(name));
        } catch (NamingException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
