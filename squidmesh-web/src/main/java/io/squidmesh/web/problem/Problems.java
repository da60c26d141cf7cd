package io.squidmesh.web.problem;

import io.squidmesh.SquidMeshException;

import java.util.List;
import java.util.Map;

/** The problems the API answers with, built in one place so each has one wording and one shape. */
public final class Problems {

    private Problems() {
    }

    /** An engine error: status by its code, its message as detail, its details as extension members. */
    public static Problem fromEngine(SquidMeshException e) {
        return Problem.of(e.code(), e.getMessage()).withAll(e.details());
    }

    public static ProblemException malformedJson(String detail) {
        return new ProblemException(Problem.of("malformed_json", detail));
    }

    public static ProblemException invalidParameter(String parameter, String value, String expected) {
        return new ProblemException(Problem.of("invalid_parameter",
                        "query parameter '" + parameter + "' must be " + expected + ", was '" + value + "'")
                .with("parameter", parameter).with("value", value).with("expected", expected));
    }

    public static ProblemException notFound(String detail, Map<String, Object> members) {
        return new ProblemException(Problem.of("not_found", detail).withAll(members));
    }

    /** Answered on a connection that then closes: the rest of the body is not read. */
    public static ProblemException payloadTooLarge(long limitBytes) {
        return new ProblemException(Problem.of("payload_too_large",
                "the request body is larger than " + limitBytes + " bytes").with("limit_bytes", limitBytes), true);
    }

    public static ProblemException unsupportedMediaType(String contentType) {
        return new ProblemException(Problem.of("unsupported_media_type",
                "the request body must be application/json, was " + contentType));
    }

    /** A start request that names no workflow (an unknown name is the engine's {@code invalid_workflow}). */
    public static ProblemException missingWorkflow() {
        return new ProblemException(Problem.of("invalid_workflow",
                "the request body must name a workflow: {\"workflow\": \"<name>\", \"payload\": {...}}"));
    }

    public static ProblemException invalidTrigger(Object trigger) {
        return new ProblemException(Problem.of("invalid_trigger", "trigger must be a string naming a trigger")
                .with("trigger", String.valueOf(trigger)));
    }

    /** Fields of a request body with the wrong type; {@code errors} has the same shape as payload errors. */
    public static ProblemException invalidBody(List<Map<String, Object>> errors) {
        return new ProblemException(Problem.of("invalid_body", "the request body has fields of the wrong type")
                .with("errors", errors));
    }

    public static Problem forbidden() {
        return Problem.of("forbidden", "your role does not allow this operation");
    }

    public static Problem internalError(String errorId) {
        return Problem.of("internal_error", "an unexpected error occurred; the server log has the details under "
                + "error id " + errorId).with("error_id", errorId);
    }
}
