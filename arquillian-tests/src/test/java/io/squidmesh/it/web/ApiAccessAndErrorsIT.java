package io.squidmesh.it.web;

import io.squidmesh.it.support.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    /**
     * A literal ':' in the path (message ids hold colons) reaches the server's authorization check, which reads it
     * as a pattern separator and fails: each caller still gets what the security constraints say, never a 500.
     */
    @Test
    void aLiteralColonInThePathIsAnsweredByRoleNotWithAServerError() {
        assertProblem(VIEWER.post("/api/runs/a:b/cancel", "{}"), 403, "forbidden");
        assertProblem(VIEWER.post("/api/dead-letters/ID:nope/redrive", "{}"), 403, "forbidden");
        assertProblem(ANONYMOUS.post("/api/dead-letters/ID:nope/redrive", "{}"), 401, "unauthorized");
        assertProblem(ANONYMOUS.get("/api/runs/a:b"), 401, "unauthorized");
        assertProblem(VIEWER.get("/api/runs/a:b"), 400, "invalid_run_id");
        assertProblem(OPERATOR.post("/api/runs/a:b/cancel", "{}"), 400, "invalid_run_id");
        assertProblem(OPERATOR.post("/api/dead-letters/ID:nope/redrive", "{}"), 404, "not_found");
        assertProblem(VIEWER.get("/api/runs/a:b:c/explanation"), 400, "invalid_run_id");
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

    /** Credentials the server cannot even read are no credentials: 401 with a problem body, never a 500. */
    @Test
    void malformedCredentialsAreUnauthorizedNeverAServerError() {
        String paused = (String) start("{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-creds\"}}").get("id");
        awaitStatus(paused, "paused");
        List<String> malformed = List.of("Basic %%%not-base64%%%", "Basic abc", "Basic ====", "Basic",
                "Basic " + base64("no-colon"), "basic " + base64("operator") + "!!", "Basic \u00e9t\u00e9".replace("\u00e9", "e"));
        for (String authorization : malformed) {
            for (ApiClient.Reply reply : List.of(
                    ANONYMOUS.send("GET", "/api/runs", null, null, "Authorization", authorization),
                    ANONYMOUS.send("GET", "/api/runs/" + paused, null, null, "Authorization", authorization),
                    ANONYMOUS.send("POST", "/api/runs", "{\"workflow\":\"it_linear\"}", "application/json", "Authorization", authorization),
                    ANONYMOUS.send("POST", "/api/runs/" + paused + "/cancel", "{}", "application/json", "Authorization", authorization),
                    ANONYMOUS.send("GET", "/", null, null, "Authorization", authorization))) {
                assertProblem(reply, 401, "unauthorized");
                assertEquals("Basic realm=\"Squid Mesh\"", reply.header("WWW-Authenticate"), authorization);
            }
            int health = ANONYMOUS.send("GET", "/api/health", null, null, "Authorization", authorization).status();
            assertTrue(health == 200 || health == 401, authorization + " on health: " + health);
        }
        assertEquals("paused", VIEWER.get("/api/runs/" + paused).json().get("status"));
    }

    /** Whatever the servlet or JAX-RS layer refuses before the API's code runs still answers a problem. */
    @Test
    void everyContainerMadeClientErrorIsAProblem() {
        String start = "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc-ct\"}}";
        int before = runsOf("it_linear");
        List<ApiClient.Reply> replies = List.of(
                OPERATOR.send("POST", "/api/runs", start, "application/json, text/plain"),
                OPERATOR.send("POST", "/api/runs", start, "application/json", "Accept", "application/json, text/html;q=x"),
                OPERATOR.send("GET", "/api/runs", null, null, "Accept", "*/*;q=abc"),
                OPERATOR.send("POST", "/api/runs", start, "application/json;;charset"),
                OPERATOR.send("POST", "/api/runs", start, "garbage"),
                OPERATOR.send("POST", "/api/runs", start, "/"),
                OPERATOR.send("POST", "/api/runs", start, "application/json; charset=no-such-charset"),
                OPERATOR.send("GET", "/api/runs", null, null, "Accept", "text/html"),
                OPERATOR.send("GET", "/api/runs", null, null, "Accept", "no/such;;q=="),
                OPERATOR.send("GET", "/api/runs/..%2F..%2Fetc", null, null),
                OPERATOR.send("PATCH", "/api/runs", "{}", "application/json"),
                OPERATOR.send("OPTIONS", "/api/runs/" + UUID.randomUUID() + "/approve", null, null),
                OPERATOR.send("GET", "/no-such-page.html", null, null),
                OPERATOR.send("PATCH", "/", "{}", "application/json"),
                OPERATOR.send("PROPFIND", "/index.html", null, null),
                OPERATOR.send("DELETE", "/assets/runs.js", null, null));
        for (ApiClient.Reply reply : replies) {
            assertTrue(reply.status() < 500, reply::toString);
            if (reply.status() >= 400) {
                assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
                Map<String, Object> problem = reply.json();
                assertTrue(problem.get("code") instanceof String code && !code.isBlank(), reply::toString);
                assertEquals(reply.status(), problem.get("status"), reply::toString);
            }
        }
        assertTrue(runsOf("it_linear") - before <= 3, "only the starts whose media types were usable ran");
        Map<String, Object> accept = assertProblem(OPERATOR.send("GET", "/api/runs", null, null, "Accept", "*/*;q=abc"),
                400, "invalid_header");
        assertEquals("Accept", accept.get("header"));
        Map<String, Object> contentType = assertProblem(OPERATOR.send("POST", "/api/runs", start, "garbage"), 400,
                "invalid_header");
        assertEquals(List.of("Content-Type", "garbage"), List.of(contentType.get("header"), contentType.get("value")));
    }

    /**
     * A client that sends its whole body before it reads (up to the listeners' 32 MiB max-post-size that
     * configure-web.cli sets; WildFly's default 10 MiB reset the connection beyond) reads the 413; nothing is started.
     */
    @Test
    void aHugeBodyIsAnsweredWith413TheClientCanRead() {
        int before = runsOf("it_linear");
        for (int mebibytes : List.of(3, 16, 30)) {
            String huge = "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"" + "x".repeat(mebibytes * 1024 * 1024) + "\"}}";
            Map<String, Object> sized = assertProblem(OPERATOR.post("/api/runs", huge), 413, "payload_too_large");
            assertEquals(1024 * 1024, sized.get("limit_bytes"));
            byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
            assertProblem(OPERATOR.sendBody("POST", "/api/runs", HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(bytes)), "application/json"), 413, "payload_too_large");
            assertProblem(OPERATOR.send("POST", MISSING_RUN + "/approve", huge, "application/json"), 413, "payload_too_large");
            assertProblem(OPERATOR.sendAllThenRead("POST", "/api/runs", bytes, "application/json"), 413, "payload_too_large");
        }
        assertEquals(before, runsOf("it_linear"));
    }

    @Test
    void bulkNumbersOutOfRangeAreUnprocessableNamingTheField() {
        Map<String, Object> days = assertProblem(OPERATOR.post("/api/bulk/purge", "{\"older_than_days\":9223372036854775807}"),
                422, "invalid_body");
        assertEquals(List.of(Map.of("field", "older_than_days", "problem", "invalid_type", "expected", "integer from 0 to 36500")),
                days.get("errors"));
        Map<String, Object> chunk = assertProblem(OPERATOR.post("/api/bulk/cancel",
                "{\"workflow\":\"no_such_flow\",\"chunk_size\":2147483648,\"pause_between_chunks_ms\":99999999999999999999}"),
                422, "invalid_body");
        assertEquals(List.of(Map.of("field", "chunk_size", "problem", "invalid_type", "expected", "integer from 1 to 10000"),
                Map.of("field", "pause_between_chunks_ms", "problem", "invalid_type", "expected", "integer from 0 to 60000")),
                chunk.get("errors"));
        assertProblem(OPERATOR.post("/api/bulk/replay", "{\"workflow\":\"no_such_flow\",\"chunk_size\":1e9}"), 422, "invalid_body");
    }

    /** No other site may frame the dashboard (its actions are single clicks) or sniff what it serves. */
    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (ApiClient.Reply reply : List.of(VIEWER.get("/"), VIEWER.get("/run.html"), VIEWER.get("/assets/runs.js"),
                VIEWER.get("/api/runs"), ANONYMOUS.get("/api/health"), ANONYMOUS.get("/api/runs"), VIEWER.get("/api/nothing"),
                VIEWER.post("/api/runs", "{}"), ANONYMOUS.send("GET", "/api/runs", null, null, "Authorization", "Basic !"))) {
            assertEquals("DENY", reply.header("X-Frame-Options"), reply::toString);
            assertTrue(String.valueOf(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'"), reply::toString);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
            assertEquals("no-referrer", reply.header("Referrer-Policy"), reply::toString);
        }
    }

    /** U+0000 (which PostgreSQL cannot store) in a reject comment: 422 naming the field, and the run still waits. */
    @Test
    void aNulCharacterInAnActionBodyIsUnprocessableAndChangesNothing() {
        String id = (String) start("{\"workflow\":\"it_approval\",\"payload\":{\"account_id\":\"acc-nul\"}}").get("id");
        Map<String, Object> paused = awaitStatus(id, "paused");

        Map<String, Object> comment = assertProblem(OPERATOR.post("/api/runs/" + id + "/reject", "{\"comment\":\"no\\u0000pe\"}"),
                422, "invalid_review");
        assertEquals(Map.of("comment", "not_storable"), comment.get("errors"));
        Map<String, Object> metadata = assertProblem(OPERATOR.post("/api/runs/" + id + "/approve",
                "{\"comment\":\"ok\",\"metadata\":{\"ticket\\u0000\":\"t\"}}"), 422, "invalid_review");
        assertEquals(Map.of("metadata", "not_storable"), metadata.get("errors"));

        Map<String, Object> after = OPERATOR.get("/api/runs/" + id + "?history=true").json();
        assertEquals("paused", after.get("status"));
        assertEquals(paused.get("updated_at"), after.get("updated_at"));
        assertEquals(list(paused.get("audit_events")).size(), list(after.get("audit_events")).size());
    }

    /**
     * A user whose name a server uses for unauthenticated callers is still a user: the audit names it. (WildFly
     * refuses to authenticate a realm user named "anonymous" at all, 401, so only "guest" can be shown here.)
     */
    @Test
    void aRealUserNamedGuestActsAsItself() {
        for (String user : List.of("guest")) {
            ApiClient client = new ApiClient(user, user + "-pass1!");
            ApiClient.Reply me = client.get("/api/me");
            assertEquals(200, me.status(), me::toString);
            assertEquals(user, me.json().get("user"), me::toString);
            String id = (String) start("{\"workflow\":\"it_approval\",\"payload\":{\"account_id\":\"acc-" + user + "\"}}").get("id");
            awaitStatus(id, "paused");

            ApiClient.Reply approved = client.post("/api/runs/" + id + "/approve", "{\"comment\":\"fine\",\"actor\":\"someone_else\"}");

            assertEquals(200, approved.status(), approved::toString);
            List<Map<String, Object>> audit = list(awaitStatus(id, "completed").get("audit_events"));
            assertEquals(List.of("paused", "approved"), audit.stream().map(e -> e.get("type")).toList());
            assertEquals(user, audit.get(1).get("actor"), "the authenticated caller, whatever its name");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int runsOf(String workflow) {
        return list(OPERATOR.get("/api/runs?limit=500&workflow=" + workflow).json().get("runs")).size();
    }
}
