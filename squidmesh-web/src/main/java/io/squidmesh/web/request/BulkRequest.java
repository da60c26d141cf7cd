package io.squidmesh.web.request;

import io.squidmesh.BulkOptions;
import io.squidmesh.RunFilter;
import io.squidmesh.web.problem.Problems;

import java.time.Duration;
import java.util.Map;

/**
 * The body of a bulk job: {@code {"workflow"?, "status"?, "chunk_size"?, "pause_between_chunks_ms"?}}, plus
 * {@code "older_than_days"} for a purge (required, at least 0) and {@code "allow_irreversible"} for a replay.
 */
public record BulkRequest(RunFilter filter, BulkOptions options, Duration olderThan, boolean allowIrreversible) {

    public static BulkRequest from(Map<String, Object> body, boolean purge) {
        BodyFields fields = new BodyFields(body);
        RunFilter filter = new RunFilter(fields.string("workflow"), fields.status("status"));
        BulkOptions options = new BulkOptions((int) fields.number("chunk_size", 1, 200),
                Duration.ofMillis(fields.number("pause_between_chunks_ms", 0, 0)));
        long days = fields.number("older_than_days", 0, -1);
        boolean allow = fields.bool("allow_irreversible");
        if (purge && days < 0 && fields.errors().isEmpty()) {
            throw Problems.invalidBody(java.util.List.of(Map.of("field", "older_than_days", "problem", "missing")));
        }
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidBody(fields.errors());
        }
        return new BulkRequest(filter, options, Duration.ofDays(Math.max(days, 0)), allow);
    }
}
