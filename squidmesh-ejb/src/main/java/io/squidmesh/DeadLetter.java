package io.squidmesh;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit of work the executor gave up on and keeps in its dead-letter queue: what it was for and why it is there.
 * An operator can send it back to its queue ({@link SquidMesh#redriveDeadLetter}).
 *
 * @param id          the executor's id of the dead letter (for JMS, the message id in the dead-letter queue)
 * @param originalId  the id of the work as first queued, which its copies carry along
 * @param kind        {@code step}, {@code compensation}, {@code cron}, or null when the body is no payload
 * @param runId       the run it is work of, or null
 * @param workflow    the workflow it is work of, or null
 * @param step        the step it would deliver, or null
 * @param reason      why the engine gave up (e.g. {@code unknown_step: ...}), or null when something else moved it
 *                    there (the broker's own redelivery limit, an operator)
 * @param deliveries  how many times it was delivered before
 * @param deadAt      when it reached the dead-letter queue
 * @param sourceQueue the queue it came from, where a redrive sends it
 */
public record DeadLetter(String id, String originalId, String kind, UUID runId, String workflow, String step,
                         String reason, int deliveries, Instant deadAt, String sourceQueue) {
}
