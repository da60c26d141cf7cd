package io.squidmesh.web.problem;

import io.squidmesh.DispatchFailedException;
import io.squidmesh.InvalidCursorException;
import io.squidmesh.InvalidPayloadException;
import io.squidmesh.InvalidRunIdException;
import io.squidmesh.InvalidTransitionException;
import io.squidmesh.InvalidTriggerException;
import io.squidmesh.InvalidWorkflowException;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.SquidMeshException;
import io.squidmesh.workflow.PayloadViolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemsTest {

    @Test
    void engineErrorsGetTheStatusOfTheirCode() {
        assertEquals(400, status(new InvalidRunIdException("x")));
        assertEquals(400, status(new InvalidCursorException("x")));
        assertEquals(404, status(new RunNotFoundException("6f1c1c9e-3f55-4a43-9d7e-2d8f0e7c1a01")));
        assertEquals(409, status(new InvalidTransitionException("r", "completed", "cancelling")));
        assertEquals(422, status(new InvalidWorkflowException("nope")));
        assertEquals(422, status(new InvalidTriggerException("w", "t", "has no trigger t")));
        assertEquals(503, status(new DispatchFailedException("queue_down", null)));
    }

    @Test
    void anUnknownEngineCodeIsAClientErrorThatKeepsCodeAndDetails() {
        Map<String, Object> json = Problems.fromEngine(
                new SquidMeshException("invalid_option", "context is not an option", Map.of("option", "context"))).toJson();

        assertEquals(Map.of("type", "urn:squidmesh:problem:invalid_option", "title", "Request rejected",
                "status", 400, "detail", "context is not an option", "code", "invalid_option",
                "option", "context"), json);
    }

    @Test
    void anInvalidPayloadListsEveryFieldAtFault() {
        Map<String, Object> json = Problems.fromEngine(new InvalidPayloadException("w", "t", List.of(
                new PayloadViolation("account_id", PayloadViolation.Problem.MISSING, null),
                new PayloadViolation("team", PayloadViolation.Problem.INVALID_TYPE, "string")))).toJson();

        assertEquals(422, json.get("status"));
        assertEquals("invalid_payload", json.get("code"));
        assertEquals(List.of(Map.of("field", "account_id", "problem", "missing"),
                Map.of("field", "team", "problem", "invalid_type", "expected", "string")), json.get("errors"));
    }

    @Test
    void detailsNeverReplaceTheStandardMembers() {
        Map<String, Object> json = Problem.of("invalid_transition", "no")
                .withAll(Map.of("status", "completed", "code", "x", "from", "completed")).toJson();

        assertEquals(409, json.get("status"));
        assertEquals("invalid_transition", json.get("code"));
        assertEquals("completed", json.get("from"));
        assertEquals(List.of("type", "title", "status", "detail", "code", "from"), List.copyOf(json.keySet()));
    }

    @Test
    void serverRaisedStatusesGetCodes() {
        assertEquals("not_found", Problem.ofStatus(404, "d").code());
        assertEquals("method_not_allowed", Problem.ofStatus(405, "d").code());
        assertEquals("unsupported_media_type", Problem.ofStatus(415, "d").code());
        assertEquals("bad_request", Problem.ofStatus(400, "d").code());
        assertEquals(502, Problem.ofStatus(502, "d").status());
        assertEquals("internal_error", Problem.ofStatus(502, "d").code());
    }

    @Test
    void anInternalErrorCarriesOnlyItsIdNotTheCause() {
        Map<String, Object> json = Problems.internalError("e-1").toJson();

        assertEquals(500, json.get("status"));
        assertEquals("e-1", json.get("error_id"));
        assertEquals(List.of("type", "title", "status", "detail", "code", "error_id"), List.copyOf(json.keySet()));
    }

    private static int status(SquidMeshException e) {
        return Problems.fromEngine(e).status();
    }
}
