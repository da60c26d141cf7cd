package io.squidmesh;

/**
 * How much work waits in one of the executor's queues now, counted up to a cap (counting is a walk of the queue).
 * Work scheduled for later (retry delays, waits) may not be counted until it is due, depending on the broker.
 *
 * @param queue    the queue's name
 * @param role     {@code work} (a queue the engine delivers from) or {@code dead_letters}
 * @param messages the messages counted
 * @param capped   whether counting stopped at the cap: there are at least {@code messages}
 */
public record QueueDepth(String queue, String role, long messages, boolean capped) {

    /** The role of a queue the engine delivers work from. */
    public static final String WORK = "work";
    /** The role of the dead-letter queue. */
    public static final String DEAD_LETTERS = "dead_letters";
}
