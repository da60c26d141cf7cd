package io.squidmesh.web.request;

import io.squidmesh.BulkOptions;
import io.squidmesh.RunFilter;
import io.squidmesh.web.problem.Problems;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The body of a bulk job: {@code {"workflow"?, "status"?, "chunk_size"?, "pause_between_chunks_ms"?}}, plus
 * {@code "older_than_days"} for a purge (required) and {@code "allow_irreversible"} for a replay. Every number
 * is bounded, so no value can overflow into a server error or hold a batch thread for hours: a value out of
 * range is a 422 {@code invalid_body} naming the field and the range.
 */
public record BulkRequest(RunFilter filter, BulkOptions options, Duration olderThan, boolean allowIrreversible) {

    /** Runs per transaction: at most this many rows are locked and written at once. */
    public static final int MAX_CHUNK_SIZE = 10_000;
    public static final int DEFAULT_CHUNK_SIZE = 200;
    /** The pause before each chunk after the first, at most one minute. */
    public static final long MAX_PAUSE_MS = 60_000;
    /** A hundred years: older is "all of them", and {@code Duration.ofDays} never overflows. */
    public static final long MAX_OLDER_THAN_DAYS = 36_500;

    public static BulkRequest from(Map<String, Object> body, boolean purge) {
        BodyFields fields = new BodyFields(body);
        RunFilter filter = new RunFilter(fields.string("workflow"), fields.status("status"));
        int chunkSize = (int) fields.number("chunk_size", 1, MAX_CHUNK_SIZE, DEFAULT_CHUNK_SIZE);
        long pauseMs = fields.number("pause_between_chunks_ms", 0, MAX_PAUSE_MS, 0);
        long days = fields.number("older_than_days", 0, MAX_OLDER_THAN_DAYS, -1);
        boolean allow = fields.bool("allow_irreversible");
        if (purge && days < 0 && fields.errors().isEmpty()) {
            throw Problems.invalidBody(List.of(Map.of("field", "older_than_days", "problem", "missing")));
        }
        if (!fields.errors().isEmpty()) {
            throw Problems.invalidBody(fields.errors());
        }
        return new BulkRequest(filter, new BulkOptions(chunkSize, Duration.ofMillis(pauseMs)),
                Duration.ofDays(Math.max(days, 0)), allow);
    }
}
