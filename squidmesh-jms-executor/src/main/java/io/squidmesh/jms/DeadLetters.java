package io.squidmesh.jms;

import io.squidmesh.DeadLetter;
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
    /** Message ids as brokers write them: nothing that could end the selector's string literal. */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9:._\\-]{1,200}");

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
