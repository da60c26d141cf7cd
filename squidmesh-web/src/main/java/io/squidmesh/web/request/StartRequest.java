package io.squidmesh.web.request;

import io.squidmesh.InvalidPayloadException;
import io.squidmesh.StartOptions;
import io.squidmesh.web.problem.Problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /runs}: {@code {"workflow", "trigger"?, "version"?, "priority"?, "payload"?}}. Without a trigger the
 * workflow's first one is used; without a version its newest deployed one; without a priority 4; without a payload it
 * is {@code {}} (the trigger's contract then names what is missing).
 */
public record StartRequest(String workflow, String trigger, String version, Integer priority,
                           Map<String, Object> payload) {

    /** A start without a version or priority. */
    public StartRequest(String workflow, String trigger, String version, Map<String, Object> payload) {
        this(workflow, trigger, version, null, payload);
    }

    public static StartRequest from(Map<String, Object> body) {
        BodyFields fields = new BodyFields(body);
        String workflow = fields.string("workflow");
        if (workflow == null || workflow.isBlank()) {
            throw Problems.missingWorkflow();
        }
        String trigger = fields.string("trigger");
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidTrigger(fields.raw("trigger"));
        }
        String version = fields.string("version");
        long priority = fields.number("priority", StartOptions.MIN_PRIORITY, StartOptions.MAX_PRIORITY, -1);
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidBody(fields.errors());
        }
        return new StartRequest(workflow, trigger, version, priority < 0 ? null : (int) priority, payload(body));
    }

    /** A payload that is not an object gets the engine's own answer for it, so both paths read alike. */
    private static Map<String, Object> payload(Map<String, Object> body) {
        if (!body.containsKey("payload")) {
            return new LinkedHashMap<>();
        }
        if (body.get("payload") instanceof Map<?, ?> map) {
            return BodyFields.copy(map);
        }
        throw new InvalidPayloadException("payload must be a JSON object of field names to values");
    }
}
