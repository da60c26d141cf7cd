package io.squidmesh.web.request;

import io.squidmesh.web.problem.Problems;

import java.util.Map;

/** The body of a replay: {@code {"allow_irreversible"?: boolean}}; only the boolean {@code true} overrides the guard. */
public record ReplayRequest(boolean allowIrreversible) {

    public static ReplayRequest from(Map<String, Object> body) {
        BodyFields fields = new BodyFields(body);
        ReplayRequest request = new ReplayRequest(fields.bool("allow_irreversible"));
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidBody(fields.errors());
        }
        return request;
    }
}
