package io.squidmesh.web.request;

import io.squidmesh.web.problem.Problems;

import java.util.Map;

/**
 * The body of a migration: {@code {"version": string, "step"?: string}}; the engine says which of them does not fit
 * the run ({@code invalid_migration}, {@code field}).
 */
public record MigrateRequest(String version, String step) {

    public static MigrateRequest from(Map<String, Object> body) {
        BodyFields fields = new BodyFields(body);
        MigrateRequest request = new MigrateRequest(fields.string("version"), fields.string("step"));
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidBody(fields.errors());
        }
        return request;
    }
}
