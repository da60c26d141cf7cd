package io.squidmesh.jms;

import jakarta.jms.JMSDestinationDefinition;

/**
 * The queue that carries Squid Mesh work.
 * <p>
 * On a stock server the application defines its own durable queue ({@value #DEFAULT_NAME}) so the EAR
 * deploys with no server configuration. Production servers run {@code configure-messaging.cli}, which
 * creates {@code squidmesh} with a dead-letter queue and redelivery limits and sets the system
 * property {@value #LOOKUP_PROPERTY} to its JNDI name; both the sender and the consumer follow it.
 */
@JMSDestinationDefinition(
        name = WorkQueue.DEFAULT_LOOKUP,
        interfaceName = "jakarta.jms.Queue",
        destinationName = WorkQueue.DEFAULT_NAME,
        description = "Squid Mesh work (zero-configuration default)")
public final class WorkQueue {

    /** MicroProfile Config key (and system property) naming the queue's JNDI name. */
    public static final String LOOKUP_PROPERTY = "squidmesh.queue";
    public static final String DEFAULT_LOOKUP = "java:app/squidmesh/jms/DefaultWorkQueue";
    public static final String DEFAULT_NAME = "squidmesh-default";

    private WorkQueue() {
    }
}
