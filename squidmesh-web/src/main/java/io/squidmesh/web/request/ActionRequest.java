package io.squidmesh.web.request;

import io.squidmesh.web.problem.Problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of an operator action (cancel; unblock, approve, reject): {@code {"comment"?, "metadata"?}}. An
 * {@code actor} member is ignored on purpose: the actor is the authenticated caller, never a name the client
 * typed.
 */
public record ActionRequest(String comment, Map<String, Object> metadata) {

    public static ActionRequest from(Map<String, Object> body) {
        BodyFields fields = new BodyFields(body);
        ActionRequest request = new ActionRequest(fields.string("comment"), fields.object("metadata"));
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidBody(fields.errors());
        }
        return request;
    }

    /** What the engine's manual actions take; the actor is left to the engine, which records the caller. */
    public io.squidmesh.ManualAction manualAction() {
        return new io.squidmesh.ManualAction(null, comment, metadata);
    }

    /** The attributes as the engine's manual actions take them: only the members that were given. */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (comment != null) {
            attributes.put("comment", comment);
        }
        if (metadata != null) {
            attributes.put("metadata", metadata);
        }
        return attributes;
    }
}
