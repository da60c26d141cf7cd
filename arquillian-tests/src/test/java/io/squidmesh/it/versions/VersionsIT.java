package io.squidmesh.it.versions;

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
import static io.squidmesh.it.support.ApiAssertions.awaitRun;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.start;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two versions of one workflow deployed side by side: new starts take the newest unless they name another, each run
 * goes on along the graph of the version it started with, and the API lists the versions with their open runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VersionsIT {

    private static final String START = "{\"workflow\":\"it_versioned\",%s\"payload\":{\"order_id\":\"%s\"}}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return VersionWorkflows.sideBySide();
    }

    @Test
    void theNewestVersionTakesNewStartsAndEachRunFollowsTheGraphItStartedWith() {
        Map<String, Object> newest = start(String.format(START, "", "o-new"));
        Map<String, Object> older = start(String.format(START, "\"version\":\"1\",", "o-old"));
        assertEquals("2", newest.get("version"));
        assertEquals("1", older.get("version"));
        String newId = (String) newest.get("id");
        String oldId = (String) older.get("id");
        awaitWaiting(newId);
        awaitWaiting(oldId);

        Map<String, Object> described = OPERATOR.get("/api/workflows/it_versioned").json();
        assertEquals("2", described.get("version"));
        List<Map<String, Object>> versions = list(described.get("versions"));
        assertEquals(List.of("2", "1"), versions.stream().map(v -> v.get("version")).toList());
        assertEquals(true, versions.get(0).get("newest"));
        assertEquals(false, versions.get(1).get("newest"));
        assertTrue(((Number) versions.get(0).get("active_runs")).longValue() >= 1, versions::toString);
        assertTrue(((Number) versions.get(1).get("active_runs")).longValue() >= 1, versions::toString);
        assertEquals(0, ((Number) versions.get(1).get("stale_runs")).intValue(), versions::toString);
        assertEquals(described.get("fingerprint"), versions.get(0).get("fingerprint"));
        Map<String, Object> first = OPERATOR.get("/api/workflows/it_versioned?version=1").json();
        assertEquals("1", first.get("version"));
        assertNotEquals(described.get("fingerprint"), first.get("fingerprint"));
        assertEquals(versions.get(1).get("fingerprint"), first.get("fingerprint"));
        assertProblem(OPERATOR.get("/api/workflows/it_versioned?version=7"), 404, "not_found");
        Map<String, Object> listed = list(OPERATOR.get("/api/workflows").json().get("workflows")).stream()
                .filter(w -> "it_versioned".equals(w.get("workflow"))).findFirst().orElseThrow();
        assertEquals("2", listed.get("version"));
        assertEquals(2, list(listed.get("versions")).size());

        go(newId);
        go(oldId);
        assertEquals(List.of("reserve", "await_go", "pack", "ship"), steps(awaitStatus(newId, "completed")));
        assertEquals(List.of("reserve", "await_go", "ship"), steps(awaitStatus(oldId, "completed")));
    }

    @Test
    void aVersionThatIsNotDeployedIsRefusedNamingTheDeployedOnes() {
        Map<String, Object> problem = assertProblem(OPERATOR.post("/api/runs",
                String.format(START, "\"version\":\"9\",", "o-9")), 422, "invalid_workflow");
        assertEquals("9", problem.get("version"));
        assertEquals(List.of("2", "1"), problem.get("deployed_versions"));
        Map<String, Object> typed = assertProblem(OPERATOR.post("/api/runs",
                String.format(START, "\"version\":2,", "o-2")), 422, "invalid_body");
        assertTrue(typed.toString().contains("version"), typed::toString);
        assertTrue(list(OPERATOR.get("/api/runs?workflow=it_versioned&limit=200").json().get("runs")).stream()
                .noneMatch(run -> run.get("payload").toString().contains("o-9")), "nothing was started");
    }

    static Map<String, Object> awaitWaiting(String id) {
        return io.squidmesh.it.support.Await.until("run " + id + " to wait for go",
                () -> OPERATOR.get("/api/runs/" + id + "/explanation").json(),
                e -> "waiting_for_event".equals(e.get("reason")), java.time.Duration.ofSeconds(30));
    }

    static void go(String id) {
        ApiClient.Reply sent = OPERATOR.post("/api/runs/" + id + "/events/go", "{}");
        assertEquals(202, sent.status(), sent::toString);
    }

    /** The steps the run has rows for, in the order they were written. */
    static List<Object> steps(Map<String, Object> run) {
        return list(run.get("step_runs")).stream().map(row -> row.get("step")).toList();
    }

    static Map<String, Object> awaitPaused(String id) {
        return awaitRun(id, "to be paused", run -> "paused".equals(run.get("status")));
    }
}
