package io.squidmesh.jms;

/**
 * The queue through which other systems send external events to runs ({@link EventIngress}), in the same
 * transaction as their own work. On a stock server the application defines it ({@value #DEFAULT_NAME}, see
 * {@link WorkQueue}); {@code configure-messaging.cli} creates {@code squidmesh-events} and sets
 * {@value #LOOKUP_PROPERTY} to its JNDI name, {@code java:global/squidmesh/jms/EventQueue}.
 */
public final class EventQueue {

    /** System property (WildFly) naming the event queue's JNDI name, read by {@code jboss-ejb3.xml}. */
    public static final String LOOKUP_PROPERTY = "squidmesh.events-queue";
    public static final String DEFAULT_LOOKUP = "java:app/squidmesh/jms/DefaultEventQueue";
    public static final String DEFAULT_NAME = "squidmesh-default-events";

    private EventQueue() {
    }
}
