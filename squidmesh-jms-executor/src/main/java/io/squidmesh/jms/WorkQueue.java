package io.squidmesh.jms;

import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;

/**
 * The queues that carry Squid Mesh work (and, defined here too, the {@link EventQueue}).
 * <p>
 * On a stock server the application defines its own durable queue ({@value #DEFAULT_NAME}) and dead-letter queue
 * ({@value #DEFAULT_DLQ_NAME}) so the EAR deploys with no server configuration. Production servers run
 * {@code configure-messaging.cli}, which creates {@code squidmesh} and {@code squidmesh-dlq} and sets the system
 * properties {@value #LOOKUP_PROPERTY} and {@code squidmesh.dead-letter-queue} to their JNDI names; the sender,
 * the consumer and the engine's dead-lettering follow them.
 */
@JMSDestinationDefinitions({
        @JMSDestinationDefinition(
                name = WorkQueue.DEFAULT_LOOKUP,
                interfaceName = "jakarta.jms.Queue",
                destinationName = WorkQueue.DEFAULT_NAME,
                description = "Squid Mesh work (zero-configuration default)"),
        @JMSDestinationDefinition(
                name = WorkQueue.DEFAULT_DLQ_LOOKUP,
                interfaceName = "jakarta.jms.Queue",
                destinationName = WorkQueue.DEFAULT_DLQ_NAME,
                description = "Squid Mesh work the engine could not use (zero-configuration default)"),
        @JMSDestinationDefinition(
                name = EventQueue.DEFAULT_LOOKUP,
                interfaceName = "jakarta.jms.Queue",
                destinationName = EventQueue.DEFAULT_NAME,
                description = "External events for Squid Mesh runs (zero-configuration default)")
})
public final class WorkQueue {

    /** MicroProfile Config key (and system property) naming the queue's JNDI name. */
    public static final String LOOKUP_PROPERTY = "squidmesh.queue";
    public static final String DEFAULT_LOOKUP = "java:app/squidmesh/jms/DefaultWorkQueue";
    public static final String DEFAULT_NAME = "squidmesh-default";
    public static final String DEFAULT_DLQ_LOOKUP = "java:app/squidmesh/jms/DefaultDeadLetterQueue";
    public static final String DEFAULT_DLQ_NAME = "squidmesh-default-dlq";
    /** Where a workflow's named queue is looked up, unless {@code squidmesh.queue.<name>} says otherwise. */
    public static final String NAMED_LOOKUP_PREFIX = "java:global/squidmesh/jms/queue/";

    private WorkQueue() {
    }
}
