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
import java.util.Set;

import static io.squidmesh.it.support.ApiAssertions.assertProblem;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiClient.ANONYMOUS;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.support.ApiClient.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/overview}: the dashboard's picture of the load and the incidents of a recent window. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OverviewApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    @Test
    void theOverviewCountsTheWindowsRunsGroupsItsFailuresAndTimesItsSteps() {
        long declinedBefore = declined(VIEWER.get("/api/overview?minutes=15").json()).map(f -> ((Number) f.get("runs")).longValue())
                .orElse(0L);
        List<String> failing = List.of(start("web_failing", "{\"ticket\":\"o-1\"}"), start("web_failing", "{\"ticket\":\"o-2\"}"));
        List<String> fine = List.of(start("web_paging", "{\"n\":1}"), start("web_paging", "{\"n\":2}"), start("web_paging", "{\"n\":3}"));
        failing.forEach(id -> awaitStatus(id, "failed"));
        fine.forEach(id -> awaitStatus(id, "completed"));

        ApiClient.Reply reply = VIEWER.get("/api/overview?minutes=15");
        assertEquals(200, reply.status(), reply::toString);
        Map<String, Object> overview = reply.json();

        List<Map<String, Object>> minutes = list(overview.get("minutes"));
        assertEquals(16, minutes.size(), "a 15-minute window from its first whole minute to the current one");
        assertTrue(sum(minutes, "started") >= 5, () -> "the five runs are counted as started: " + minutes);
        assertTrue(sum(minutes, "failed") >= 2 && sum(minutes, "completed") >= 3, () -> "and as ended: " + minutes);

        Map<String, Object> declined = declined(overview).orElseThrow(() -> new AssertionError(overview));
        assertEquals(declinedBefore + 2, ((Number) declined.get("runs")).longValue(), "the two runs that failed here");
        assertTrue(failing.contains(declined.get("last_run_id")), declined::toString);

        Map<String, Object> note = list(overview.get("steps")).stream()
                .filter(s -> "web_paging".equals(s.get("workflow")) && "note".equals(s.get("step"))).findFirst()
                .orElseThrow(() -> new AssertionError(overview.get("steps")));
        assertTrue(((Number) note.get("attempts")).intValue() >= 3, note::toString);
        assertTrue(((Number) note.get("p50_ms")).doubleValue() <= ((Number) note.get("p95_ms")).doubleValue(), note::toString);
        assertTrue(((Number) note.get("p95_ms")).doubleValue() <= ((Number) note.get("max_ms")).doubleValue(), note::toString);

        @SuppressWarnings("unchecked")
        Map<String, Object> open = (Map<String, Object>) overview.get("open");
        assertEquals(Set.of("pending", "running", "retrying", "paused", "cancelling"), open.keySet());
    }

    @Test
    void aWindowOutsideItsBoundsIsABadRequestNamingTheParameter() {
        for (String minutes : List.of("4", "1441", "an hour", "-60")) {
            Map<String, Object> problem = assertProblem(VIEWER.get("/api/overview?minutes=" + minutes.replace(" ", "%20")),
                    400, "invalid_parameter");
            assertEquals("minutes", problem.get("parameter"));
        }
        assertEquals(61, list(VIEWER.get("/api/overview").json().get("minutes")).size(),
                "the default window is an hour: its first whole minute to the current one");
        assertEquals(401, ANONYMOUS.get("/api/overview").status());
    }

    /** The failure group of web_failing's declined charges, if the window has one. */
    private static java.util.Optional<Map<String, Object>> declined(Map<String, Object> overview) {
        return list(overview.get("failures")).stream()
                .filter(f -> "web_failing".equals(f.get("workflow")) && "card_declined".equals(f.get("reason"))).findFirst();
    }

    private static String start(String workflow, String payload) {
        ApiClient.Reply reply = OPERATOR.post("/api/runs", "{\"workflow\":\"" + workflow + "\",\"payload\":" + payload + "}");
        assertEquals(201, reply.status(), reply::toString);
        return (String) reply.json().get("id");
    }

    private static long sum(List<Map<String, Object>> minutes, String key) {
        return minutes.stream().mapToLong(m -> ((Number) m.get(key)).longValue()).sum();
    }
}
