package io.squidmesh.jms;

import io.squidmesh.DeadLetter;
import io.squidmesh.QueueDepth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The dead-letter queue as operators see it: browsed without consuming, and a message sent back to the queue it
 * came from ({@link Redelivery#backToWork}) by receiving it in the caller's JTA transaction, so the move and the
 * audit record the engine writes beside it commit together or not at all.
 */
@ApplicationScoped
public class DeadLetters {

    /** How long a redrive waits for the broker to hand over the message it named. */
    static final long RECEIVE_MILLIS = 2_000;
    /**
     * Message ids as brokers write them (Artemis {@code ID:<uuid>}, OpenMQ {@code ID:n-host(mac)-port-time}): printable,
     * and nothing that could end the selector's string literal.
     */
    private static final Pattern MESSAGE_ID = Pattern.compile("[^'\\p{Cntrl}]{1,200}");

    @Inject
    JMSContext jms;

    @Inject
    Redelivery redelivery;

    @Inject
    WorkQueueLocator queues;

    List<DeadLetter> browse(int limit) {
        Optional<Queue> dlq = redelivery.deadLetterQueue();
        if (dlq.isEmpty()) {
            return List.of();
        }
        List<DeadLetter> letters = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(dlq.get())) {
            for (Object message : Collections.list(browser.getEnumeration())) {
                if (letters.size() >= limit) {
                    break;
                }
                letters.add(describe((Message) message));
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("cannot browse the dead-letter queue: " + e, e);
        }
        return letters;
    }

    /** The default work queue, the named queues in use and the dead-letter queue, each counted up to {@code cap}. */
    List<QueueDepth> depths(int cap) {
        List<QueueDepth> depths = new ArrayList<>();
        for (Queue queue : queues.known()) {
            depths.add(depth(queue, QueueDepth.WORK, cap));
        }
        redelivery.deadLetterQueue().ifPresent(dlq -> depths.add(depth(dlq, QueueDepth.DEAD_LETTERS, cap)));
        return depths;
    }

    private QueueDepth depth(Queue queue, String role, int cap) {
        try (QueueBrowser browser = jms.createBrowser(queue)) {
            long counted = 0;
            java.util.Enumeration<?> messages = browser.getEnumeration();
            while (counted < cap && messages.hasMoreElements()) {
                messages.nextElement();
                counted++;
            }
            return new QueueDepth(queue.getQueueName(), role, counted, messages.hasMoreElements());
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("cannot count the messages of a queue: " + e, e);
        }
    }

    Optional<DeadLetter> redrive(String id) {
        Optional<Queue> dlq = redelivery.deadLetterQueue();
        if (dlq.isEmpty() || !MESSAGE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (JMSConsumer consumer = jms.createConsumer(dlq.get(), "JMSMessageID = '" + id + "'")) {
            Message message = consumer.receive(RECEIVE_MILLIS);
            if (message == null) {
                return Optional.empty();
            }
            DeadLetter letter = describe(message);
            Queue source = letter.sourceQueue() == null ? queues.queue() : jms.createQueue(letter.sourceQueue());
            jms.createProducer().setPriority(message.getJMSPriority()).send(source, redelivery.backToWork(message));
            return Optional.of(letter);
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("cannot send dead letter " + id + " back to work: " + e, e);
        }
    }

    private DeadLetter describe(Message message) throws JMSException {
        String source = message.getStringProperty(Redelivery.PROPERTY_SOURCE_QUEUE);
        return new DeadLetter(message.getJMSMessageID(), Redelivery.originalId(message),
                message.getStringProperty(JmsExecutor.PROPERTY_KIND), runId(message),
                message.getStringProperty(JmsExecutor.PROPERTY_WORKFLOW),
                message.getStringProperty(JmsExecutor.PROPERTY_STEP),
                message.getStringProperty(Redelivery.PROPERTY_DEAD_REASON), Redelivery.delivery(message),
                message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null,
                source != null ? source : queues.queue().getQueueName());
    }

    private static UUID runId(Message message) throws JMSException {
        String value = message.getStringProperty(JmsExecutor.PROPERTY_RUN_ID);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null; // a poison message's property: shown without a run
        }
    }
}
