package io.squidmesh.it.support;

import io.squidmesh.it.support.Await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the web tests: problem bodies, timestamps, and waiting for a run through the API. */
public final class ApiAssertions {

    private ApiAssertions() {
    }

    /** A problem answer with this status and code, and no server internals in it; returns its body. */
    public static Map<String, Object> assertProblem(ApiClient.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertEquals("application/problem+json", reply.header("Content-Type"), () -> "content type of " + reply);
        Map<String, Object> problem = reply.json();
        assertEquals(code, problem.get("code"), () -> "code of " + reply);
        assertEquals(status, problem.get("status"));
        assertEquals("urn:squidmesh:problem:" + code, problem.get("type"));
        assertTrue(problem.get("title") instanceof String title && !title.isBlank());
        assertTrue(problem.get("detail") instanceof String detail && !detail.isBlank());
        assertFalse(reply.body().contains("Exception") || reply.body().contains(".java:"),
                () -> "no stack trace or exception class in " + reply);
        return problem;
    }

    /** An ISO-8601 UTC timestamp string; returns it parsed. */
    public static Instant assertTimestamp(Object value) {
        assertTrue(value instanceof String text && text.endsWith("Z"), () -> "UTC timestamp: " + value);
        return Instant.parse((String) value);
    }

    public static void assertUuid(Object value) {
        assertNotNull(value);
        assertEquals(value, UUID.fromString((String) value).toString());
    }

    /** Reads the run (with history) until it satisfies {@code done}. */
    public static Map<String, Object> awaitRun(String id, String what, Predicate<Map<String, Object>> done) {
        return Await.until("run " + id + " " + what, () -> ApiClient.OPERATOR.get("/api/runs/" + id + "?history=true").json(),
                done, Duration.ofSeconds(30));
    }

    public static Map<String, Object> awaitStatus(String id, String status) {
        return awaitRun(id, "to be " + status, run -> status.equals(run.get("status")));
    }

    /** Starts a run as the operator and returns its JSON. */
    public static Map<String, Object> start(String body) {
        ApiClient.Reply reply = ApiClient.OPERATOR.post("/api/runs", body);
        assertEquals(201, reply.status(), () -> "start: " + reply);
        return reply.json();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
