package io.squidmesh.it.web;

import io.squidmesh.it.support.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.squidmesh.it.support.ApiAssertions.assertProblem;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.support.ApiClient.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotent starts over HTTP: the {@code Idempotency-Key} header is the run key, unique per workflow. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunKeysApiIT {

    private static final String LINEAR = "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"%s\"}}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    @Test
    void aRepeatedStartAnswersTheFirstRunAndStartsNothing() {
        String key = "order-" + UUID.randomUUID();
        String body = String.format(LINEAR, "acc-1");

        ApiClient.Reply first = start(key, body);
        assertEquals(201, first.status(), first::toString);
        String id = (String) first.json().get("id");
        assertTrue(first.header("Location").endsWith("/api/runs/" + id), first::toString);
        assertEquals(key, first.json().get("key"));

        ApiClient.Reply again = start(key, body);
        assertEquals(200, again.status(), again::toString);
        assertEquals(id, again.json().get("id"));
        assertNull(again.header("Location"));

        Map<String, Object> done = awaitStatus(id, "completed");
        ApiClient.Reply afterTheEnd = start(key, body);
        assertEquals(200, afterTheEnd.status(), afterTheEnd::toString);
        assertEquals(id, afterTheEnd.json().get("id"));
        assertEquals("completed", afterTheEnd.json().get("status"));

        assertEquals(List.of(id), runsWithKey("it_linear", key));
        for (Map<String, Object> step : list(done.get("step_runs"))) {
            assertEquals(1, list(step.get("attempts")).size(), () -> "each step ran once: " + step);
        }
    }

    @Test
    void anotherPayloadUnderTheKeyIsAConflictNamingTheRun() {
        String key = "order-" + UUID.randomUUID();
        String id = (String) start(key, String.format(LINEAR, "acc-1")).json().get("id");

        ApiClient.Reply other = start(key, String.format(LINEAR, "acc-2"));
        assertProblem(other, 409, "run_key_conflict");
        assertEquals(id, other.json().get("run_id"));
        assertEquals(key, other.json().get("key"));
        ApiClient.Reply otherTrigger = start(key,
                "{\"workflow\":\"it_linear\",\"trigger\":\"it_linear\",\"payload\":{\"account_id\":\"acc-1\",\"team\":\"x\"}}");
        assertProblem(otherTrigger, 409, "run_key_conflict");

        assertEquals(List.of(id), runsWithKey("it_linear", key));
    }

    @Test
    void concurrentStartsWithOneKeyCreateOneRun() throws Exception {
        String key = "order-" + UUID.randomUUID();
        String body = String.format(LINEAR, "acc-concurrent");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(callers.submit((Callable<ApiClient.Reply>) () -> start(key, body)));
            }
            List<Integer> statuses = new ArrayList<>();
            List<Object> ids = new ArrayList<>();
            for (Future<ApiClient.Reply> reply : replies) {
                statuses.add(reply.get().status());
                ids.add(reply.get().json().get("id"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(7, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(1, ids.stream().distinct().count(), ids::toString);
            assertEquals(List.of(ids.get(0)), runsWithKey("it_linear", key));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aKeyIsPerWorkflowAndARefusedStartDoesNotTakeIt() {
        String key = "order-" + UUID.randomUUID();

        assertProblem(start(key, "{\"workflow\":\"it_linear\",\"payload\":{}}"), 422, "invalid_payload");
        assertProblem(start("k".repeat(256), String.format(LINEAR, "acc-1")), 422, "invalid_run_key");
        assertProblem(start(" ", String.format(LINEAR, "acc-1")), 422, "invalid_run_key");

        assertEquals(201, start(key, String.format(LINEAR, "acc-1")).status());
        assertEquals(201, start(key, "{\"workflow\":\"it_fan_out\",\"payload\":{\"order_id\":\"o-1\"}}").status());
        assertEquals(1, runsWithKey("it_linear", key).size());
        assertEquals(1, runsWithKey("it_fan_out", key).size());
        assertEquals(2, list(VIEWER.get("/api/runs?key=" + key).json().get("runs")).size());
    }

    private static ApiClient.Reply start(String key, String body) {
        return OPERATOR.send("POST", "/api/runs", body, "application/json", "Idempotency-Key", key);
    }

    private static List<Object> runsWithKey(String workflow, String key) {
        return list(VIEWER.get("/api/runs?workflow=" + workflow + "&key=" + key).json().get("runs")).stream()
                .map(run -> run.get("id")).toList();
    }
}
