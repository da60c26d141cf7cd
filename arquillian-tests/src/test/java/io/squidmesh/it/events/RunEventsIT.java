package io.squidmesh.it.events;

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
import static io.squidmesh.it.support.ApiAssertions.assertUuid;
import static io.squidmesh.it.support.ApiAssertions.awaitRun;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.map;
import static io.squidmesh.it.support.ApiAssertions.start;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.support.ApiClient.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * External events into waiting runs over HTTP: {@code POST /api/runs/{id}/events/{event}} and by run key. An event
 * is taken once by the {@code awaitEvent} step of its name, whether it came before or after the run got there; a
 * repeated idempotency key stores nothing; a timeout follows the error route or fails the run; cancel works while a
 * run waits; a finished run refuses events.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunEventsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return EventWorkflows.deployment();
    }

    @Test
    void anEventSentToAWaitingRunIsTheStepsOutputOnceHoweverOftenItIsRepeated() {
        String id = startRun("ev_payment", "o-1");
        Map<String, Object> explanation = awaitWaiting(id);
        assertEquals("await_payment", explanation.get("step"));
        assertEquals("payment_confirmed", map(explanation.get("details")).get("event"));
        assertEquals(List.of("signal_run", "cancel_run"), explanation.get("next_actions"));
        Map<String, Object> waiting = stepRun(OPERATOR.get("/api/runs/" + id + "?history=true").json(), "await_payment");
        assertEquals("running", waiting.get("status"));
        assertEquals(1, list(waiting.get("attempts")).size());

        ApiClient.Reply sent = signal(id, "payment_confirmed",
                "{\"payload\":{\"amount\":42,\"currency\":\"EUR\"},\"idempotency_key\":\"psp-evt-1\"}");
        assertEquals(202, sent.status(), sent::toString);
        assertUuid(sent.json().get("id"));
        assertEquals(id, sent.json().get("run_id"));
        assertEquals("payment_confirmed", sent.json().get("event"));
        assertEquals(Map.of("amount", 42, "currency", "EUR"), sent.json().get("payload"));
        assertEquals("psp-evt-1", sent.json().get("idempotency_key"));

        Map<String, Object> done = awaitStatus(id, "completed");
        assertEquals(Map.of("amount", 42, "currency", "EUR"), map(done.get("context")).get("payment"));
        assertEquals(1, list(stepRun(done, "await_payment").get("attempts")).size());
        List<Map<String, Object>> events = list(done.get("events"));
        assertEquals(1, events.size(), events::toString);
        assertEquals("await_payment", events.get(0).get("consumed_by"));
        assertNotNull(events.get(0).get("consumed_at"));

        // the provider delivers its webhook again: same event answered, nothing stored, even after the run ended
        ApiClient.Reply again = signal(id, "payment_confirmed",
                "{\"payload\":{\"amount\":99},\"idempotency_key\":\"psp-evt-1\"}");
        assertEquals(202, again.status(), again::toString);
        assertEquals(sent.json().get("id"), again.json().get("id"));
        assertEquals(Map.of("amount", 42, "currency", "EUR"), again.json().get("payload"));
        assertEquals("await_payment", again.json().get("consumed_by"));
        assertEquals(1, list(OPERATOR.get("/api/runs/" + id + "?history=true").json().get("events")).size());

        // a new event for the finished run is refused, and nothing is kept
        Map<String, Object> refused = assertProblem(signal(id, "payment_confirmed", "{}"), 409, "run_not_waiting");
        assertEquals("completed", refused.get("run_status"));
        assertEquals(1, list(OPERATOR.get("/api/runs/" + id + "?history=true").json().get("events")).size());
    }

    @Test
    void anEventThatArrivesBeforeTheStepIsKeptAndTakenWhenTheRunGetsThere() {
        String id = startRun("ev_early", "o-2");
        ApiClient.Reply sent = signal(id, "go", "{\"payload\":{\"ready\":true}}");
        assertEquals(202, sent.status(), sent::toString);
        assertNull(sent.json().get("consumed_by"));
        assertNull(sent.json().get("idempotency_key"));
        // another event, of a name no step waits for, stays in the mailbox
        assertEquals(202, signal(id, "unrelated", null).status());

        Map<String, Object> done = awaitStatus(id, "completed");
        assertEquals(Map.of("ready", true), map(done.get("context")).get("go"));
        List<Map<String, Object>> events = list(done.get("events"));
        assertEquals(List.of("go", "unrelated"), events.stream().map(e -> e.get("event")).toList());
        assertEquals("await_go", events.get(0).get("consumed_by"));
        assertNull(events.get(1).get("consumed_by"));
        assertEquals(Map.of(), events.get(1).get("payload"));
    }

    @Test
    void aTimeoutFollowsTheErrorRouteWithEventTimeout() {
        String id = startRun("ev_payment_timeout", "o-3");
        Map<String, Object> done = awaitStatus(id, "completed");
        Map<String, Object> waited = stepRun(done, "await_payment");
        assertEquals("failed", waited.get("status"));
        assertEquals("event_timeout", map(waited.get("last_error")).get("reason"));
        assertEquals("payment_confirmed", map(waited.get("last_error")).get("event"));
        assertEquals(2000, map(waited.get("last_error")).get("timeout_ms"));
        assertEquals("completed", stepRun(done, "void_payment").get("status"));
        assertEquals(1, list(waited.get("attempts")).size(), "an event timeout is not retried");
    }

    @Test
    void aTimeoutWithoutARouteFailsTheRun() {
        String id = startRun("ev_deadline", "o-4");
        Map<String, Object> failed = awaitStatus(id, "failed");
        assertEquals("event_timeout", map(failed.get("last_error")).get("reason"));
    }

    @Test
    void aRunWaitingForAnEventIsCancelledAtOnceAndThenRefusesEvents() {
        String id = startRun("ev_payment", "o-5");
        awaitWaiting(id);

        ApiClient.Reply cancelled = OPERATOR.post("/api/runs/" + id + "/cancel", "{}");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.json().get("status"));
        Map<String, Object> run = OPERATOR.get("/api/runs/" + id + "?history=true").json();
        Map<String, Object> waited = stepRun(run, "await_payment");
        assertEquals("failed", waited.get("status"));
        assertEquals("cancelled", map(waited.get("last_error")).get("reason"));
        assertEquals("failed", list(waited.get("attempts")).get(0).get("status"));

        assertProblem(signal(id, "payment_confirmed", "{}"), 409, "run_not_waiting");
    }

    @Test
    void anEventCanBeSentByTheRunKeyTheRunWasStartedWith() {
        String key = "order-" + UUID.randomUUID();
        ApiClient.Reply started = OPERATOR.send("POST", "/api/runs",
                "{\"workflow\":\"ev_payment\",\"payload\":{\"order_id\":\"o-6\"}}", "application/json",
                "Idempotency-Key", key);
        assertEquals(201, started.status(), started::toString);
        String id = (String) started.json().get("id");

        ApiClient.Reply sent = OPERATOR.post("/api/workflows/ev_payment/runs/" + key + "/events/payment_confirmed",
                "{\"payload\":{\"amount\":7}}");
        assertEquals(202, sent.status(), sent::toString);
        assertEquals(id, sent.json().get("run_id"));
        assertEquals(Map.of("amount", 7), map(awaitStatus(id, "completed").get("context")).get("payment"));

        assertProblem(OPERATOR.post("/api/workflows/ev_payment/runs/no-such-key/events/payment_confirmed", "{}"),
                404, "not_found");
        assertProblem(OPERATOR.post("/api/workflows/other_workflow/runs/" + key + "/events/payment_confirmed", "{}"),
                404, "not_found");
    }

    @Test
    void badEventsAreRefusedNamingTheFieldAndKeepNothing() {
        String id = startRun("ev_payment", "o-7");
        awaitWaiting(id);

        Map<String, Object> longName = assertProblem(signal(id, "e".repeat(256), "{}"), 422, "invalid_event");
        assertEquals("event", longName.get("field"));
        Map<String, Object> blankKey = assertProblem(signal(id, "payment_confirmed", "{\"idempotency_key\":\" \"}"),
                422, "invalid_event");
        assertEquals("idempotency_key", blankKey.get("field"));
        assertProblem(signal(id, "payment_confirmed", "{\"payload\":[1,2]}"), 422, "invalid_body");
        assertProblem(signal(id, "payment_confirmed", "{\"payload\":"), 400, "malformed_json");
        assertProblem(signal("not-a-run", "payment_confirmed", "{}"), 400, "invalid_run_id");
        assertProblem(signal(UUID.randomUUID().toString(), "payment_confirmed", "{}"), 404, "not_found");
        assertProblem(VIEWER.post("/api/runs/" + id + "/events/payment_confirmed", "{}"), 403, "forbidden");

        Map<String, Object> run = OPERATOR.get("/api/runs/" + id + "?history=true").json();
        assertEquals(List.of(), run.get("events"));
        assertEquals("running", run.get("status"));
        OPERATOR.post("/api/runs/" + id + "/cancel", "{}");
    }

    private static String startRun(String workflow, String orderId) {
        return (String) start("{\"workflow\":\"" + workflow + "\",\"payload\":{\"order_id\":\"" + orderId + "\"}}")
                .get("id");
    }

    private static ApiClient.Reply signal(String id, String event, String body) {
        return body == null ? OPERATOR.send("POST", "/api/runs/" + id + "/events/" + event, null, null)
                : OPERATOR.post("/api/runs/" + id + "/events/" + event, body);
    }

    private static Map<String, Object> awaitWaiting(String id) {
        awaitRun(id, "to wait for its event", run -> "running".equals(run.get("status")));
        return io.squidmesh.it.support.Await.until("run " + id + " waiting for an event",
                () -> OPERATOR.get("/api/runs/" + id + "/explanation").json(),
                e -> "waiting_for_event".equals(e.get("reason")), java.time.Duration.ofSeconds(30));
    }

    private static Map<String, Object> stepRun(Map<String, Object> run, String step) {
        return list(run.get("step_runs")).stream().filter(row -> step.equals(row.get("step"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step run " + step + " in " + run));
    }
}
