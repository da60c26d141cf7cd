package io.squidmesh.web.request;

import io.squidmesh.web.problem.Problems;

import java.util.Map;

/**
 * The body of an event sent to a run: {@code {"payload"?: {...}, "idempotency_key"?: "..."}}; an empty or absent
 * body is an event without payload or key.
 */
public record EventRequest(Map<String, Object> payload, String idempotencyKey) {

    public static EventRequest from(Map<String, Object> body) {
        BodyFields fields = new BodyFields(body);
        EventRequest request = new EventRequest(fields.object("payload"), fields.string("idempotency_key"));
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidBody(fields.errors());
        }
        return request;
    }
}
