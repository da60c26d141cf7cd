package io.squidmesh.jms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An event message's JSON body, as other systems send it to the {@link EventQueue}:
 * {@code {"run_id": "...", "event": "...", "payload"?: {...}, "idempotency_key"?: "..."}}, or
 * {@code "workflow"} and {@code "key"} (the run key) instead of {@code "run_id"}. Pure: reading it checks the shape
 * and names the member at fault; the engine checks the values.
 *
 * @param runId          the run's id as sent, or null when the run is named by workflow and key
 * @param workflow       with {@code key}: the run's workflow
 * @param key            with {@code workflow}: the run key the run was started with
 * @param event          the event's name
 * @param payload        the payload ({@code {}} when absent)
 * @param idempotencyKey the sender's key, or null
 */
public record EventMessage(String runId, String workflow, String key, String event, Map<String, Object> payload,
                           String idempotencyKey) {

    /** The message, or the reason its body is not one. */
    public static Result read(Map<String, Object> body) {
        for (String member : new String[] {"run_id", "workflow", "key", "event", "idempotency_key"}) {
            Object value = body.get(member);
            if (value != null && !(value instanceof String)) {
                return new Result(null, "member " + member + " must be a string");
            }
        }
        Object payload = body.get("payload");
        if (payload != null && !(payload instanceof Map<?, ?>)) {
            return new Result(null, "member payload must be an object");
        }
        if (body.get("event") == null) {
            return new Result(null, "member event is missing");
        }
        boolean byId = body.get("run_id") != null;
        boolean byKey = body.get("workflow") != null || body.get("key") != null;
        if (byId == byKey || byKey && (body.get("workflow") == null || body.get("key") == null)) {
            return new Result(null, "the run must be named by run_id, or by workflow and key (not both)");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (payload != null) {
            ((Map<?, ?>) payload).forEach((k, v) -> values.put(String.valueOf(k), v));
        }
        return new Result(new EventMessage((String) body.get("run_id"), (String) body.get("workflow"),
                (String) body.get("key"), (String) body.get("event"), values, (String) body.get("idempotency_key")),
                null);
    }

    /** The idempotency key, or one derived from the message id: a redelivered message stores its event once. */
    public String idempotencyKeyOr(String messageId) {
        return idempotencyKey != null ? idempotencyKey : "jms:" + messageId;
    }

    /**
     * What reading a body gave: the message, or why there is none.
     *
     * @param message the message, or null
     * @param problem why the body is no event message, or null
     */
    public record Result(EventMessage message, String problem) {

        public Optional<EventMessage> get() {
            return Optional.ofNullable(message);
        }
    }
}
