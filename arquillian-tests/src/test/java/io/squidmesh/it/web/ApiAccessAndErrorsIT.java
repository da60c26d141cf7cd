package io.squidmesh.it.web;

import io.squidmesh.it.support.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.squidmesh.it.support.ApiAssertions.assertProblem;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.start;
import static io.squidmesh.it.support.ApiClient.ANONYMOUS;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.support.ApiClient.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what (401 without valid credentials, 403 for the wrong role), and every error the API answers
 * with: a problem body with a stable code, never a stack trace, and nothing written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiAccessAndErrorsIT {

    private static final String MISSING_RUN = "/api/runs/" + UUID.randomUUID();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    @Test
    void healthAndTheApiDescriptionArePublic() {
        assertEquals(200, ANONYMOUS.get("/api/health").status());
        ApiClient.Reply openApi = ANONYMOUS.get("/api/openapi");
        assertEquals(200, openApi.status());
        assertEquals("application/yaml", openApi.header("Content-Type"));
        assertTrue(openApi.body().startsWith("openapi: 3.0.3"));
        assertTrue(openApi.body().contains("  /runs/{id}/cancel:"));
    }

    @Test
    void callersWithoutValidCredentialsAreChallenged() {
        ApiClient wrongPassword = new ApiClient("operator", "not-the-password");
        for (ApiClient.Reply reply : List.of(ANONYMOUS.get("/api/runs"), ANONYMOUS.get("/api/workflows"),
                ANONYMOUS.get("/api/me"), ANONYMOUS.post("/api/runs", "{\"workflow\":\"it_linear\"}"),
                wrongPassword.get("/api/runs"), new ApiClient("nobody", "x").get("/api/me"))) {
            assertProblem(reply, 401, "unauthorized");
            assertEquals("Basic realm=\"Squid Mesh\"", reply.header("WWW-Authenticate"));
        }
        assertEquals(401, ANONYMOUS.get("/").status());
        assertEquals(401, ANONYMOUS.get("/run.html").status());
    }

    @Test
    void viewersReadButCannotStartOrCancel() {
        assertEquals(200, VIEWER.get("/api/runs").status());
        assertEquals(200, VIEWER.get("/api/workflows/it_linear").status());
        ApiClient.Reply dashboard = VIEWER.get("/");
        assertEquals(200, dashboard.status());
        assertTrue(dashboard.header("Content-Type").startsWith("text/html"));
        String paused = (String) start("{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-viewer\"}}").get("id");
        awaitStatus(paused, "paused");
        int before = runsOf("web_review");

        assertProblem(VIEWER.post("/api/runs", "{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-2\"}}"), 403, "forbidden");
        assertProblem(VIEWER.post("/api/runs/" + paused + "/cancel", "{}"), 403, "forbidden");
        assertProblem(VIEWER.send("DELETE", "/api/runs/" + paused, null, null), 403, "forbidden");

        assertEquals(before, runsOf("web_review"));
        assertEquals("paused", VIEWER.get("/api/runs/" + paused).json().get("status"));
        assertEquals(200, OPERATOR.post("/api/runs/" + paused + "/cancel", "").status());
    }

    /** A page on another site cannot make an operator's browser act: its Origin gives it away. */
    @Test
    void crossSiteRequestsCannotChangeRuns() {
        String paused = (String) start("{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-csrf\"}}").get("id");
        awaitStatus(paused, "paused");
        ApiClient.Reply fromAnotherSite = OPERATOR.send("POST", "/api/runs/" + paused + "/cancel", null, null,
                "Origin", "http://evil.example");

        assertEquals("forbidden", assertProblem(fromAnotherSite, 403, "forbidden").get("code"));
        assertEquals("paused", VIEWER.get("/api/runs/" + paused).json().get("status"));
        assertEquals(200, OPERATOR.send("GET", "/api/runs/" + paused, null, null, "Origin", "http://evil.example").status());
        ApiClient.Reply fromTheDashboard = OPERATOR.send("POST", "/api/runs/" + paused + "/cancel", "{}", "application/json",
                "Origin", ApiClient.BASE.replace("/squidmesh", ""));
        assertEquals(200, fromTheDashboard.status(), fromTheDashboard::toString);
        assertEquals("cancelled", fromTheDashboard.json().get("status"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        Map<String, Object> problem = assertProblem(OPERATOR.post("/api/runs", "{\"workflow\":"), 400, "malformed_json");
        assertTrue(((String) problem.get("detail")).contains("line 1"), problem::toString);
        assertProblem(OPERATOR.post("/api/runs", "[\"it_linear\"]"), 400, "malformed_json");
        assertProblem(OPERATOR.post("/api/runs", ""), 400, "malformed_json");
        assertProblem(OPERATOR.post(MISSING_RUN + "/cancel", "{\"comment\":"), 400, "malformed_json");
    }

    @Test
    void badQueryParametersAreNamed() {
        Map<String, Object> status = assertProblem(VIEWER.get("/api/runs?status=sleeping"), 400, "invalid_parameter");
        assertEquals("status", status.get("parameter"));
        assertEquals("sleeping", status.get("value"));
        assertEquals("limit", assertProblem(VIEWER.get("/api/runs?limit=ten"), 400, "invalid_parameter").get("parameter"));
        assertEquals("limit", assertProblem(VIEWER.get("/api/runs?limit=0"), 400, "invalid_parameter").get("parameter"));
        assertEquals("history", assertProblem(VIEWER.get(MISSING_RUN + "?history=yes"), 400, "invalid_parameter").get("parameter"));
        assertEquals("not-a-cursor", assertProblem(VIEWER.get("/api/runs?after=not-a-cursor"), 400, "invalid_cursor").get("cursor"));
    }

    @Test
    void aRunIdThatIsNotAUuidIsABadRequest() {
        assertEquals("12345", assertProblem(VIEWER.get("/api/runs/12345"), 400, "invalid_run_id").get("run_id"));
        assertProblem(OPERATOR.post("/api/runs/12345/cancel", "{}"), 400, "invalid_run_id");
    }

    @Test
    void unknownRunsWorkflowsAndRoutesAreNotFound() {
        String id = MISSING_RUN.substring("/api/runs/".length());
        assertEquals(id, assertProblem(VIEWER.get(MISSING_RUN + "?history=true"), 404, "not_found").get("run_id"));
        assertEquals(id, assertProblem(OPERATOR.post(MISSING_RUN + "/cancel", "{}"), 404, "not_found").get("run_id"));
        assertEquals("no_such_flow", assertProblem(VIEWER.get("/api/workflows/no_such_flow"), 404, "not_found").get("workflow"));
        assertProblem(VIEWER.get("/api/nothing/here"), 404, "not_found");
        assertProblem(OPERATOR.post(MISSING_RUN + "/explode", "{}"), 404, "not_found");
    }

    @Test
    void aMethodARouteDoesNotHaveIsNotAllowed() {
        ApiClient.Reply delete = OPERATOR.send("DELETE", MISSING_RUN, null, null);
        assertProblem(delete, 405, "method_not_allowed");
        assertTrue(delete.header("Allow").contains("GET"), delete.header("Allow"));
        assertProblem(OPERATOR.send("PUT", "/api/workflows", "{}", "application/json"), 405, "method_not_allowed");
        assertProblem(OPERATOR.get(MISSING_RUN + "/cancel"), 405, "method_not_allowed");
    }

    @Test
    void cancellingAFinishedRunIsAConflictAndChangesNothing() {
        String id = (String) start("{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc-409\"}}").get("id");
        Map<String, Object> done = awaitStatus(id, "completed");

        Map<String, Object> problem = assertProblem(OPERATOR.post("/api/runs/" + id + "/cancel", "{}"), 409, "invalid_transition");

        assertEquals(Map.of("run_id", id, "from", "completed", "to", "cancelling"),
                Map.of("run_id", problem.get("run_id"), "from", problem.get("from"), "to", problem.get("to")));
        Map<String, Object> after = VIEWER.get("/api/runs/" + id).json();
        assertEquals("completed", after.get("status"));
        assertEquals(done.get("updated_at"), after.get("updated_at"));
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        int before = runsOf("it_linear");
        String big = "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"" + "x".repeat(1024 * 1024) + "\"}}";

        Map<String, Object> problem = assertProblem(OPERATOR.post("/api/runs", big), 413, "payload_too_large");

        assertEquals(1024 * 1024, problem.get("limit_bytes"));
        assertEquals(before, runsOf("it_linear"));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        assertProblem(OPERATOR.send("POST", "/api/runs", "{\"workflow\":\"it_linear\"}", "text/plain"), 415, "unsupported_media_type");
        assertProblem(OPERATOR.send("POST", MISSING_RUN + "/cancel", "comment=x", "application/x-www-form-urlencoded"),
                415, "unsupported_media_type");
    }

    @Test
    void startBodiesThatNameNoUsableWorkflowTriggerOrPayloadAreUnprocessable() {
        int before = runsOf("it_linear");

        assertEquals("no_such_flow", assertProblem(OPERATOR.post("/api/runs", "{\"workflow\":\"no_such_flow\",\"payload\":{}}"),
                422, "invalid_workflow").get("workflow"));
        assertProblem(OPERATOR.post("/api/runs", "{\"payload\":{\"account_id\":\"a\"}}"), 422, "invalid_workflow");
        Map<String, Object> trigger = assertProblem(OPERATOR.post("/api/runs",
                "{\"workflow\":\"it_linear\",\"trigger\":\"nightly\",\"payload\":{\"account_id\":\"a\"}}"), 422, "invalid_trigger");
        assertEquals("nightly", trigger.get("trigger"));
        assertProblem(OPERATOR.post("/api/runs", "{\"workflow\":\"it_linear\",\"trigger\":7}"), 422, "invalid_trigger");
        Map<String, Object> payload = assertProblem(OPERATOR.post("/api/runs",
                "{\"workflow\":\"it_linear\",\"payload\":{\"team\":7,\"extra\":true}}"), 422, "invalid_payload");
        assertEquals(List.of(Map.of("field", "account_id", "problem", "missing"), Map.of("field", "extra", "problem", "unknown"),
                Map.of("field", "team", "problem", "invalid_type", "expected", "string")), payload.get("errors"));
        assertEquals(List.of(), assertProblem(OPERATOR.post("/api/runs", "{\"workflow\":\"it_linear\",\"payload\":[1]}"),
                422, "invalid_payload").get("errors"));

        assertEquals(before, runsOf("it_linear"));
    }

    @Test
    void actionBodiesWithMistypedFieldsAreUnprocessable() {
        Map<String, Object> problem = assertProblem(OPERATOR.post(MISSING_RUN + "/cancel",
                "{\"comment\":42,\"metadata\":\"ticket\"}"), 422, "invalid_body");

        assertEquals(List.of(Map.of("field", "comment", "problem", "invalid_type", "expected", "string"),
                Map.of("field", "metadata", "problem", "invalid_type", "expected", "object")), problem.get("errors"));
    }

    private static int runsOf(String workflow) {
        return list(OPERATOR.get("/api/runs?limit=500&workflow=" + workflow).json().get("runs")).size();
    }
}
