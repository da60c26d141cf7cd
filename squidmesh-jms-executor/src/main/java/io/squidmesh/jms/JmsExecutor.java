package io.squidmesh.jms;

import io.squidmesh.DeadLetter;
import io.squidmesh.QueueDepth;
import io.squidmesh.Run;
import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.EnqueueException;
import io.squidmesh.executor.EnqueueOptions;
import io.squidmesh.executor.Executor;
import io.squidmesh.executor.Payload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Executor} on Jakarta Messaging. The injected {@link JMSContext} comes from the platform's
 * default connection factory, which on WildFly and Payara is the pooled XA factory: every send is
 * enlisted in the caller's JTA transaction and reaches the queue only if that transaction commits.
 * <p>
 * One persistent text message per unit of work; the body is the payload JSON and the properties
 * {@code kind}, {@code run_id}, {@code workflow}, {@code step} let operators filter in the console; {@code traceparent}
 * carries the trace the work continues.
 * Delays use JMS delivery delay. Artemis counts the delay from {@code send()}, and the engine sends last
 * in its transaction, so the delay a run sees is the one it asked for (DESIGN G5).
 */
@ApplicationScoped
public class JmsExecutor implements Executor {

    static final String PROPERTY_KIND = "kind";
    static final String PROPERTY_RUN_ID = "run_id";
    static final String PROPERTY_WORKFLOW = "workflow";
    static final String PROPERTY_STEP = "step";
    static final String PROPERTY_TRIGGER = "trigger";
    /** The W3C trace context the work continues ({@code EnqueueOptions.traceParent}), handed back on delivery. */
    static final String PROPERTY_TRACEPARENT = "traceparent";

    @Inject
    JMSContext jms;

    @Inject
    WorkQueueLocator queues;

    @Inject
    DeadLetters deadLetters;

    @Override
    public Map<String, Object> enqueueStep(Run run, String step, EnqueueOptions options) {
        return send(Payload.step(run, step), run.workflow(), step, options);
    }

    @Override
    public List<Map<String, Object>> enqueueSteps(Run run, List<String> steps, EnqueueOptions options) {
        // One transaction carries every send, so the batch is atomic without extra work here.
        List<Map<String, Object>> jobs = new ArrayList<>(steps.size());
        for (String step : steps) {
            jobs.add(send(Payload.step(run, step), run.workflow(), step, options));
        }
        return jobs;
    }

    @Override
    public Map<String, Object> enqueueCompensation(Run run, EnqueueOptions options) {
        return send(Payload.compensation(run.id()), run.workflow(), null, options);
    }

    @Override
    public Map<String, Object> enqueueCron(String workflow, String trigger, CronOptions options) {
        return send(Payload.cron(workflow, trigger, options), workflow, null, EnqueueOptions.now());
    }

    @Override
    public List<String> unknownQueues(Map<String, List<String>> named) {
        List<String> unknown = new ArrayList<>();
        named.forEach((name, workflows) -> {
            try {
                queues.queue(name);
            } catch (IllegalStateException e) {
                unknown.add("queue " + name + " of workflow(s) " + String.join(", ", workflows) + ": no JMS queue is bound at "
                        + WorkQueueLocator.lookup(name) + " (create it, e.g. jms-queue add --queue-address=squidmesh-"
                        + name + " --entries=[" + WorkQueueLocator.lookup(name) + "], and deploy a message-driven bean "
                        + "consuming it: see docs/operations.md, queues)");
            }
        });
        return unknown;
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return deadLetters.browse(limit);
    }

    @Override
    public List<QueueDepth> queueDepths(int cap) {
        return deadLetters.depths(cap);
    }

    @Override
    public Optional<DeadLetter> redrive(String id) {
        return deadLetters.redrive(id);
    }

    private Map<String, Object> send(Payload payload, String workflow, String step, EnqueueOptions options) {
        Queue queue;
        try {
            queue = queues.queue(options.queue().orElse(null));
        } catch (IllegalStateException e) {
            throw new EnqueueException("queue_not_configured", e);
        }
        try {
            TextMessage message = jms.createTextMessage(payload.toJson());
            for (Map.Entry<String, String> property : properties(payload, workflow, step, options).entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            JMSProducer producer = jms.createProducer();
            options.delay().ifPresent(delay -> producer.setDeliveryDelay(delay.toMillis()));
            options.priority().ifPresent(producer::setPriority); // the broker hands higher priorities out first
            producer.send(queue, message);

            return job(message.getJMSMessageID(), queue.getQueueName(), options);
        } catch (JMSException | JMSRuntimeException e) {
            throw new EnqueueException("executor_unavailable", e);
        }
    }

    /**
     * The message's string properties, which operators filter and select on in the console (and the delivery reads
     * the trace from): the kind always, the run, workflow, step, trigger and trace when there is one.
     */
    static Map<String, String> properties(Payload payload, String workflow, String step, EnqueueOptions options) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PROPERTY_KIND, payload.kind());
        putIfPresent(properties, PROPERTY_RUN_ID, payload.text(Payload.RUN_ID));
        putIfPresent(properties, PROPERTY_WORKFLOW, workflow);
        putIfPresent(properties, PROPERTY_STEP, step);
        putIfPresent(properties, PROPERTY_TRIGGER, payload.text(Payload.TRIGGER));
        putIfPresent(properties, PROPERTY_TRACEPARENT, options.traceParent().orElse(null));
        return properties;
    }

    /** What {@code enqueue} answers (SPEC §5.2's job metadata): the message id, the queue, and the options used. */
    static Map<String, Object> job(String messageId, String queue, EnqueueOptions options) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job_id", messageId);
        job.put("executor", "jms");
        job.put("queue", queue);
        options.scheduleIn().ifPresent(seconds -> job.put("schedule_in", seconds));
        options.delay().ifPresent(delay -> job.put("schedule_in_ms", delay.toMillis()));
        options.priority().ifPresent(priority -> job.put("priority", priority));
        return job;
    }

    private static void putIfPresent(Map<String, String> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
