package io.squidmesh;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An external event delivered to a run ({@link SquidMesh#signalRun}): kept in the run's mailbox until an
 * {@code awaitEvent} step of that name takes it, then its payload is that step's output. Each event is taken once.
 *
 * @param id             the event's id
 * @param runId          the run it was sent to
 * @param event          its name, e.g. {@code payment_confirmed}
 * @param payload        what it carries (a JSON object)
 * @param idempotencyKey the sender's key, or {@code null}: a repeated key answers this event and stores nothing
 * @param receivedAt     when the engine stored it
 * @param consumedBy     the step that took it, or {@code null} while it waits in the mailbox
 * @param consumedAt     when that step took it, or {@code null}
 */
public record RunEvent(UUID id, UUID runId, String event, Map<String, Object> payload, String idempotencyKey,
                       Instant receivedAt, String consumedBy, Instant consumedAt) {

    /** The longest event name and idempotency key accepted. */
    public static final int MAX_NAME_LENGTH = 255;

    /**
     * Whether a step has taken this event.
     *
     * @return {@code true} once consumed
     */
    public boolean consumed() {
        return consumedAt != null;
    }
}
