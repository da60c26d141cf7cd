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

import static io.squidmesh.it.support.ApiAssertions.assertProblem;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.map;
import static io.squidmesh.it.support.ApiAssertions.start;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.support.ApiClient.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Explanations and the operator actions over HTTP: approve, reject, unblock, replay, and who the audit says acted. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActionsApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    @Test
    void anApprovalRecordsTheAuthenticatedOperatorWhateverTheBodySays() {
        String id = (String) start("{\"workflow\":\"it_approval\",\"payload\":{\"account_id\":\"acc-http\"}}").get("id");
        awaitStatus(id, "paused");
        Map<String, Object> explanation = VIEWER.get("/api/runs/" + id + "/explanation").json();
        assertEquals("paused_for_approval", explanation.get("reason"));
        assertEquals(List.of("approve_run", "reject_run", "cancel_run"), explanation.get("next_actions"));

        assertProblem(VIEWER.post("/api/runs/" + id + "/approve", "{}"), 403, "forbidden");
        ApiClient.Reply approved = OPERATOR.post("/api/runs/" + id + "/approve",
                "{\"actor\":\"mallory\",\"comment\":\"looks right\",\"metadata\":{\"ticket\":\"T-1\"}}");
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("running", approved.json().get("status"));
        assertEquals("record_approval", approved.json().get("current_step"));

        Map<String, Object> done = awaitStatus(id, "completed");
        List<Map<String, Object>> audit = list(done.get("audit_events"));
        assertEquals(List.of("paused", "approved"), audit.stream().map(e -> e.get("type")).toList());
        assertEquals("operator", audit.get(1).get("actor"), "the authenticated caller, not the body's actor");
        assertEquals("looks right", audit.get(1).get("comment"));
        assertEquals(Map.of("ticket", "T-1"), audit.get(1).get("metadata"));
        Map<String, Object> decision = map(map(map(done.get("context")).get("approval")).get("approval"));
        assertEquals(List.of("approved", "operator"), List.of(decision.get("decision"), decision.get("actor")));
    }

    @Test
    void rejectAndUnblockMoveTheirRunsOnAndRefuseTheWrongStep() {
        String review = (String) start("{\"workflow\":\"it_approval\",\"payload\":{\"account_id\":\"acc-r\"}}").get("id");
        awaitStatus(review, "paused");
        assertProblem(OPERATOR.post("/api/runs/" + review + "/unblock", "{}"), 409, "invalid_step");
        assertProblem(OPERATOR.post("/api/runs/" + review + "/reject", "{\"comment\":\"\"}"), 422, "invalid_review");
        ApiClient.Reply rejected = OPERATOR.post("/api/runs/" + review + "/reject", "{\"comment\":\"no\"}");
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("record_rejection", rejected.json().get("current_step"));
        awaitStatus(review, "completed");

        String pause = (String) start("{\"workflow\":\"it_pause\",\"payload\":{\"account_id\":\"acc-u\"}}").get("id");
        awaitStatus(pause, "paused");
        ApiClient.Reply unblocked = OPERATOR.post("/api/runs/" + pause + "/unblock", null);
        assertEquals(200, unblocked.status(), unblocked::toString);
        Map<String, Object> done = awaitStatus(pause, "completed");
        assertEquals("operator", list(done.get("audit_events")).get(1).get("actor"));
        assertProblem(OPERATOR.post("/api/runs/" + pause + "/unblock", "{}"), 409, "invalid_transition");
    }

    @Test
    void replayAnswers201AndTheGuardAnswers409WithTheBlockingSteps() {
        String shipped = (String) start("{\"workflow\":\"it_shipping\",\"payload\":{\"order_id\":\"o-http\"}}").get("id");
        awaitStatus(shipped, "completed");

        Map<String, Object> unsafe = assertProblem(OPERATOR.post("/api/runs/" + shipped + "/replay", "{}"), 409,
                "unsafe_replay");
        assertEquals("ship", list(unsafe.get("steps")).get(0).get("step"));
        assertProblem(OPERATOR.post("/api/runs/" + shipped + "/replay", "{\"allow_irreversible\":\"true\"}"), 422,
                "invalid_body");

        ApiClient.Reply replay = OPERATOR.post("/api/runs/" + shipped + "/replay", "{\"allow_irreversible\":true}");
        assertEquals(201, replay.status(), replay::toString);
        String newId = (String) replay.json().get("id");
        assertTrue(replay.header("Location").endsWith("/squidmesh/api/runs/" + newId), replay.header("Location"));
        assertEquals(shipped, replay.json().get("replayed_from_run_id"));
        assertEquals("pending", replay.json().get("status"));
        awaitStatus(newId, "completed");

        Map<String, Object> explained = VIEWER.get("/api/runs/" + newId + "/explanation").json();
        assertEquals("completed", explained.get("reason"));
        assertEquals(List.of(), explained.get("next_actions"));
        assertProblem(VIEWER.get("/api/runs/not-a-uuid/explanation"), 400, "invalid_run_id");
    }

    @Test
    void aRetentionPurgeRunsAsABulkJobThatCanBeFollowed() {
        String done = (String) start("{\"workflow\":\"it_error_route\"}").get("id");
        awaitStatus(done, "completed");

        assertProblem(OPERATOR.post("/api/bulk/purge", "{\"workflow\":\"it_error_route\"}"), 422, "invalid_body");
        assertProblem(OPERATOR.post("/api/bulk/purge", "{\"older_than_days\":0,\"status\":\"finished\"}"), 422,
                "invalid_body");
        assertProblem(VIEWER.post("/api/bulk/purge", "{\"older_than_days\":0}"), 403, "forbidden");

        ApiClient.Reply launched = OPERATOR.post("/api/bulk/purge",
                "{\"workflow\":\"it_error_route\",\"older_than_days\":0,\"chunk_size\":10}");
        assertEquals(202, launched.status(), launched::toString);
        String location = launched.header("Location");
        assertTrue(location.contains("/squidmesh/api/bulk/"), location);
        assertEquals("squidmesh-purge-runs", launched.json().get("job"));
        String path = location.substring(location.indexOf("/api/bulk/"));
        Map<String, Object> finished = io.squidmesh.it.support.Await.until("the purge", () -> VIEWER.get(path).json(),
                job -> "COMPLETED".equals(job.get("batch_status")), java.time.Duration.ofSeconds(30));
        assertTrue(((Number) map(finished.get("counts")).get("written")).intValue() >= 1);
        assertProblem(VIEWER.get("/api/runs/" + done), 404, "not_found");
        assertProblem(VIEWER.get("/api/bulk/abc"), 400, "invalid_parameter");
        assertProblem(VIEWER.get("/api/bulk/999999"), 404, "not_found");
    }
}
