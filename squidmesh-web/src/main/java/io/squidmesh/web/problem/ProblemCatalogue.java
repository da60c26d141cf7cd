package io.squidmesh.web.problem;

import java.util.Map;

/**
 * Every problem {@code code} the API answers with, and its HTTP status and title. Engine codes
 * ({@code SquidMeshException#code()}) and the web layer's own codes share this one table, so a new engine
 * operation needs no new mapping code; a code missing here is a client error (400).
 */
final class ProblemCatalogue {

    record Entry(int status, String title) {
    }

    static final Entry UNKNOWN = new Entry(400, "Request rejected");

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            // 400: the request itself is wrong
            Map.entry("bad_request", new Entry(400, "Bad request")),
            Map.entry("malformed_json", new Entry(400, "Malformed JSON")),
            Map.entry("invalid_parameter", new Entry(400, "Invalid query parameter")),
            Map.entry("invalid_run_id", new Entry(400, "Invalid run id")),
            Map.entry("invalid_cursor", new Entry(400, "Invalid cursor")),
            Map.entry("invalid_header", new Entry(400, "Invalid header")),
            // 401/403: who is asking
            Map.entry("unauthorized", new Entry(401, "Authentication required")),
            Map.entry("forbidden", new Entry(403, "Forbidden")),
            // 404-415: the resource or the way it is asked for
            Map.entry("not_found", new Entry(404, "Not found")),
            Map.entry("method_not_allowed", new Entry(405, "Method not allowed")),
            Map.entry("not_acceptable", new Entry(406, "Not acceptable")),
            Map.entry("payload_too_large", new Entry(413, "Request body too large")),
            Map.entry("unsupported_media_type", new Entry(415, "Unsupported media type")),
            // 409: the run's state does not allow the action
            Map.entry("invalid_transition", new Entry(409, "Invalid transition")),
            Map.entry("unsafe_replay", new Entry(409, "Unsafe replay")),
            Map.entry("run_key_conflict", new Entry(409, "Run key already used for another request")),
            Map.entry("invalid_step", new Entry(409, "Run is not waiting at a step that allows this")),
            Map.entry("run_not_waiting", new Entry(409, "Run has ended and takes no events")),
            Map.entry("invalid_resume_metadata", new Entry(409, "Paused step has invalid resume metadata")),
            // 422: well-formed, but the content does not fit
            Map.entry("invalid_workflow", new Entry(422, "Invalid workflow")),
            Map.entry("invalid_trigger", new Entry(422, "Invalid trigger")),
            Map.entry("invalid_run_key", new Entry(422, "Invalid run key")),
            Map.entry("invalid_event", new Entry(422, "Invalid event")),
            Map.entry("invalid_payload", new Entry(422, "Invalid payload")),
            Map.entry("invalid_body", new Entry(422, "Invalid request body")),
            Map.entry("invalid_resume", new Entry(422, "Invalid resume attributes")),
            Map.entry("invalid_review", new Entry(422, "Invalid review attributes")),
            Map.entry("invalid_migration", new Entry(422, "Invalid migration")),
            Map.entry("invalid_priority", new Entry(422, "Invalid priority")),
            // 5xx: our side
            Map.entry("internal_error", new Entry(500, "Internal error")),
            Map.entry("dispatch_failed", new Entry(503, "Dispatch failed")));

    private ProblemCatalogue() {
    }

    static Entry entry(String code) {
        return ENTRIES.getOrDefault(code, UNKNOWN);
    }

    /** The code this API uses for a bare HTTP status raised by the server (unknown route, wrong method...). */
    static String codeForStatus(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }
}
