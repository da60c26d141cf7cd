package io.squidmesh.it.web;

import io.squidmesh.it.support.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.squidmesh.it.support.ApiAssertions.assertProblem;
import static io.squidmesh.it.support.ApiAssertions.assertTimestamp;
import static io.squidmesh.it.support.ApiAssertions.assertUuid;
import static io.squidmesh.it.support.ApiAssertions.awaitRun;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.map;
import static io.squidmesh.it.support.ApiAssertions.start;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.support.ApiClient.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API's endpoints over HTTP, as an operator and a viewer use them: shapes and values. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunsApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    @Test
    void healthReportsTheDatabase() {
        ApiClient.Reply health = ApiClient.ANONYMOUS.get("/api/health");

        assertEquals(200, health.status());
        assertEquals(Map.of("status", "UP", "database", "UP"), health.json());
    }

    @Test
    void workflowsAreListedByNameAndDescribedWithTheirGraph() {
        List<Map<String, Object>> workflows = list(VIEWER.get("/api/workflows").json().get("workflows"));
        List<Object> names = workflows.stream().map(w -> w.get("workflow")).toList();
        assertTrue(names.containsAll(List.of("it_fan_out", "it_linear", "web_paging", "web_review")), names::toString);
        assertEquals(names.stream().map(String::valueOf).sorted().toList(), names);

        Map<String, Object> linear = VIEWER.get("/api/workflows/it_linear").json();
        assertEquals("transitions", linear.get("mode"));
        assertEquals(List.of("load", "note", "finish"), list(linear.get("steps")).stream().map(s -> s.get("name")).toList());
        assertEquals(List.of(Map.of("from", "load", "on", "ok", "to", "note"), Map.of("from", "note", "on", "ok", "to", "finish"),
                Map.of("from", "finish", "on", "ok", "to", "complete")), linear.get("transitions"));
        assertEquals("load", linear.get("initial_step"));
        Map<String, Object> trigger = list(linear.get("triggers")).get(0);
        assertEquals("it_linear", trigger.get("name"));
        assertEquals(List.of(Map.of("name", "account_id", "type", "string", "required", true),
                Map.of("name", "team", "type", "string", "required", true, "default", "backend")), trigger.get("payload"));

        Map<String, Object> fanOut = VIEWER.get("/api/workflows/it_fan_out").json();
        assertEquals("dependencies", fanOut.get("mode"));
        Map<String, Object> join = list(fanOut.get("steps")).get(3);
        assertEquals("join", join.get("name"));
        assertEquals(List.of("a", "b", "c"), join.get("depends_on"));
        assertEquals(1, join.get("phase"));
    }

    @Test
    void startAnswers201WithTheRunsAddressAndTheRunAsCreated() {
        ApiClient.Reply reply = OPERATOR.post("/api/runs", "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc-web-1\"}}");

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("application/json", reply.header("Content-Type"));
        Map<String, Object> run = reply.json();
        String id = (String) run.get("id");
        assertUuid(id);
        assertEquals(ApiClient.BASE + "/api/runs/" + id, reply.header("Location"));
        assertEquals(List.of("id", "workflow", "version", "trigger", "status", "payload", "context", "current_step", "last_error",
                "replayed_from_run_id", "key", "priority", "parent_run_id", "parent_step", "inserted_at", "updated_at"),
                List.copyOf(run.keySet()));
        assertEquals("it_linear", run.get("workflow"));
        assertEquals("it_linear", run.get("trigger"));
        assertEquals("pending", run.get("status"));
        assertEquals(Map.of("account_id", "acc-web-1", "team", "backend"), run.get("payload"));
        assertEquals(Map.of(), run.get("context"));
        assertEquals("load", run.get("current_step"));
        assertNull(run.get("last_error"));
        assertNull(run.get("replayed_from_run_id"));
        assertNull(run.get("parent_run_id"), "a run started through the API is no child");
        Instant inserted = assertTimestamp(run.get("inserted_at"));
        assertTimestamp(run.get("updated_at"));

        Map<String, Object> done = awaitStatus(id, "completed");
        assertEquals(inserted, assertTimestamp(done.get("inserted_at")));
        assertNull(done.get("current_step"));
        assertEquals(Map.of("account_id", "acc-web-1", "step", "load", "attempt", 1), map(done.get("context")).get("account"));
        Map<String, Object> read = VIEWER.get("/api/runs/" + id).json();
        assertEquals("completed", read.get("status"));
        assertFalse(read.containsKey("step_runs"), "no history unless asked for");
    }

    @Test
    void aNamedTriggerIsUsed() {
        Map<String, Object> run = start("{\"workflow\":\"web_review\",\"trigger\":\"rush\",\"payload\":{\"ticket\":\"T-9\",\"reason\":\"outage\"}}");

        assertEquals("rush", run.get("trigger"));
        assertEquals(Map.of("ticket", "T-9", "reason", "outage"), run.get("payload"));
    }

    @Test
    void historyHasStepRunsWithEveryAttemptAndItsError() {
        String id = (String) start("{\"workflow\":\"it_retry\",\"payload\":{\"failures\":1}}").get("id");

        Map<String, Object> run = awaitStatus(id, "completed");

        List<Map<String, Object>> rows = list(run.get("step_runs"));
        assertEquals(1, rows.size());
        Map<String, Object> flaky = rows.get(0);
        assertEquals(List.of("id", "step", "status", "input", "output", "last_error", "recovery", "attempts",
                "inserted_at", "updated_at"), List.copyOf(flaky.keySet()));
        assertUuid(flaky.get("id"));
        assertEquals("flaky", flaky.get("step"));
        assertEquals("completed", flaky.get("status"));
        List<Map<String, Object>> attempts = list(flaky.get("attempts"));
        assertEquals(List.of(1, 2), attempts.stream().map(a -> a.get("attempt_number")).toList());
        assertEquals(List.of("failed", "completed"), attempts.stream().map(a -> a.get("status")).toList());
        assertEquals(Map.of("message", "retry later", "code", "retry_later", "retryable?", true), attempts.get(0).get("error"));
        assertNull(attempts.get(1).get("error"));
        assertEquals(List.of("id", "attempt_number", "status", "error", "inserted_at", "updated_at"),
                List.copyOf(attempts.get(0).keySet()));
        assertTimestamp(attempts.get(1).get("updated_at"));

        Map<String, Object> step = list(run.get("steps")).get(0);
        assertEquals("flaky", step.get("step"));
        assertEquals("completed", step.get("status"));
        assertEquals(List.of(), step.get("depends_on"));
        assertEquals(2, list(step.get("attempts")).size());
        assertEquals(List.of(), run.get("audit_events"));
    }

    @Test
    void aPausedRunShowsItsDeclaredStepsAndAPausedAuditEventAndCancelsAtOnce() {
        String id = (String) start("{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-1\"}}").get("id");

        Map<String, Object> paused = awaitStatus(id, "paused");
        assertEquals("hold_for_ops", paused.get("current_step"));
        List<Map<String, Object>> steps = list(paused.get("steps"));
        assertEquals(List.of("prepare", "hold_for_ops", "finish"), steps.stream().map(s -> s.get("step")).toList());
        assertEquals(List.of("completed", "running", "waiting"), steps.stream().map(s -> s.get("status")).toList());
        assertNull(steps.get(2).get("inserted_at"));
        assertEquals(List.of(), steps.get(2).get("attempts"));
        Map<String, Object> holdRow = list(paused.get("step_runs")).get(1);
        Map<String, Object> expectedEvent = new HashMap<>();
        expectedEvent.put("type", "paused");
        expectedEvent.put("step", "hold_for_ops");
        expectedEvent.put("actor", null);
        expectedEvent.put("comment", null);
        expectedEvent.put("metadata", null);
        expectedEvent.put("at", holdRow.get("inserted_at"));
        assertEquals(List.of(expectedEvent), paused.get("audit_events"));

        ApiClient.Reply cancel = OPERATOR.post("/api/runs/" + id + "/cancel",
                "{\"comment\":\"not needed\",\"metadata\":{\"ticket\":\"T-1\"},\"actor\":\"mallory\"}");

        assertEquals(200, cancel.status(), cancel::toString);
        assertEquals("cancelled", cancel.json().get("status"));
        assertNull(cancel.json().get("current_step"));
        Map<String, Object> cancelled = VIEWER.get("/api/runs/" + id + "?history=true").json();
        assertEquals("cancelled", cancelled.get("status"));
        Map<String, Object> hold = list(cancelled.get("step_runs")).get(1);
        assertEquals("failed", hold.get("status"));
        assertEquals(Map.of("message", "run cancelled while paused", "reason", "cancelled"), hold.get("last_error"));
        assertEquals(List.of("paused"), list(cancelled.get("audit_events")).stream().map(e -> e.get("type")).toList());
    }

    @Test
    void cancellingARunningRunAnswersCancellingAndItSettlesAsCancelled() {
        String id = (String) start("{\"workflow\":\"it_wait\",\"payload\":{\"delay_seconds\":5}}").get("id");
        awaitRun(id, "to wait for its delayed step",
                run -> "running".equals(run.get("status")) && "pause_a_second".equals(run.get("current_step")));

        ApiClient.Reply cancel = OPERATOR.send("POST", "/api/runs/" + id + "/cancel", null, null);

        assertEquals(200, cancel.status(), cancel::toString);
        assertEquals("cancelling", cancel.json().get("status"));
        Map<String, Object> cancelled = awaitStatus(id, "cancelled");
        assertEquals(List.of("before"), list(cancelled.get("step_runs")).stream().map(r -> r.get("step")).toList());

        Map<String, Object> again = assertProblem(OPERATOR.post("/api/runs/" + id + "/cancel", "{}"), 409, "invalid_transition");
        assertEquals("cancelled", again.get("from"));
        assertEquals("cancelling", again.get("to"));
        assertEquals(id, again.get("run_id"));
    }

    @Test
    void runsArePagedNewestFirstWithACursorAndFiltered() {
        List<String> started = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            started.add((String) start("{\"workflow\":\"web_paging\",\"payload\":{\"n\":" + n + "}}").get("id"));
        }

        Map<String, Object> first = VIEWER.get("/api/runs?workflow=web_paging&limit=2").json();
        assertEquals(List.of(started.get(2), started.get(1)), ids(first));
        String cursor = (String) first.get("next");
        assertNotNull(cursor);
        Map<String, Object> second = VIEWER.get("/api/runs?workflow=web_paging&limit=2&after=" + cursor).json();
        assertEquals(List.of(started.get(0)), ids(second));
        assertNull(second.get("next"));
        assertFalse(list(second.get("runs")).get(0).containsKey("steps"));

        started.forEach(id -> awaitStatus(id, "completed"));
        assertEquals(List.of(started.get(2), started.get(1), started.get(0)),
                ids(VIEWER.get("/api/runs?workflow=web_paging&status=completed").json()));
        assertEquals(List.of(), ids(VIEWER.get("/api/runs?workflow=web_paging&status=failed").json()));
    }

    @Test
    void meNamesTheCallerAndTheirRoles() {
        assertEquals(Map.of("user", "operator", "roles", List.of("squidmesh-viewer", "squidmesh-operator")),
                OPERATOR.get("/api/me").json());
        assertEquals(Map.of("user", "viewer", "roles", List.of("squidmesh-viewer")), VIEWER.get("/api/me").json());
    }

    private static List<Object> ids(Map<String, Object> page) {
        return list(page.get("runs")).stream().map(r -> r.get("id")).toList();
    }
}
