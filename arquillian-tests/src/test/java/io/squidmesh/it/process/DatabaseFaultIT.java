package io.squidmesh.it.process;

import io.squidmesh.it.examples.GatewayStub;
import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.ServerManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN G3 and G4 when the database goes away under load (PostgreSQL only; run in the PostgreSQL pass): the eight
 * example workflows, 20 runs each, are in flight when PostgreSQL is restarted, then again when it is down for longer
 * than the engine's redelivery window. The server is left running. Every run must end as its workflow says within a
 * bounded time, no transactional step's rows may be doubled, and the prepared XA branches the fault left behind
 * must be resolved by the transaction manager's recovery.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultIT {

    private static final int RUNS_PER_KIND = 20;
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final GatewayStub GATEWAY = GatewayStub.answering(200, "ok");
    private static ServerProcess server;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.provisioned()
                .withOptions("-Dsquidmesh.watchdog.period-ms=2000 -Dsquidmesh.watchdog.grace-ms=15000");
        server.deploy(Deployments.referenceEar());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        GATEWAY.close();
    }

    @Test
    @Order(1)
    void everyRunEndsRightWhenPostgresRestartsUnderLoad() throws Exception {
        pace(10, 1000); // production pacing: a restart of a few seconds stays within the redelivery window
        Map<String, String> runs = startMixInFlight("restart");
        Instant fault = Instant.now();
        Postgres.restart();
        System.out.println("DATABASE FAULT restart took " + Duration.between(fault, Instant.now()).toMillis() + " ms");
        settleAndVerify(runs, fault, "restart");
    }

    @Test
    @Order(2)
    void everyRunEndsRightWhenTheOutageOutlastsTheRedeliveryWindow() throws Exception {
        pace(3, 100); // a window of 0.3 s: every message delivered during the outage ends in the dead-letter queue
        Map<String, String> runs = startMixInFlight("outage");
        Instant fault = Instant.now();
        Postgres.stop();
        // the outage: longer than a delivery waits to record an outcome (30 s), so deliveries fail meanwhile, are
        // delivered again and end in the dead-letter queue
        Thread.sleep(45_000);
        Postgres.start();
        System.out.println("DATABASE FAULT outage lasted " + Duration.between(fault, Instant.now()).toMillis() + " ms");
        settleAndVerify(runs, fault, "outage");
        try (ServerManagement management = ServerManagement.connect()) {
            long deadLetters = management.count(ServerManagement.DLQ, "squidmesh_dead_reason IS NOT NULL");
            System.out.println("DATABASE FAULT dead letters after the outage: " + deadLetters);
            assertTrue(deadLetters > 0, "the outage outlasted the redelivery window: work was dead-lettered, and the"
                    + " watchdog re-queued its runs");
        }
    }

    private static void pace(int deliveries, int delayMillis) throws Exception {
        try (ServerManagement management = ServerManagement.connect()) {
            management.systemProperty("squidmesh.max-deliveries", Integer.toString(deliveries));
            management.systemProperty("squidmesh.redelivery-delay-ms", Integer.toString(delayMillis));
        }
    }

    /**
     * Starts the mix with the queue paused, then resumes it and returns as soon as the first runs end: the fault
     * then meets every kind of work in flight (claims, steps, outcomes, compensations, waits, retries).
     */
    private static Map<String, String> startMixInFlight(String tag) throws Exception {
        Map<String, String> runs;
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(ServerManagement.QUEUE);
            try {
                runs = startMix(tag);
            } finally {
                management.resume(ServerManagement.QUEUE);
            }
        }
        ApiClient api = server.operator();
        List<String> ids = List.copyOf(runs.keySet());
        Await.until("the first runs to end", () -> ids.stream().limit(40)
                .filter(id -> terminal(api.get("/api/runs/" + id).json())).count(), n -> n >= 3, Duration.ofSeconds(60));
        return runs;
    }

    /** 20 runs of each example workflow, started concurrently through the REST API; id to workflow. */
    private static Map<String, String> startMix(String tag) throws Exception {
        ApiClient api = server.operator();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<String[]>> started = new ArrayList<>();
        for (int i = 0; i < RUNS_PER_KIND; i++) {
            for (String[] scenario : scenarios(tag + "-" + i)) {
                started.add(clients.submit(() -> {
                    ApiClient.Reply reply = api.post("/api/runs", scenario[1]);
                    assertEquals(201, reply.status(), reply::toString);
                    return new String[] {(String) reply.json().get("id"), scenario[0]};
                }));
            }
        }
        Map<String, String> runs = new LinkedHashMap<>();
        for (Future<String[]> run : started) {
            String[] idAndWorkflow = run.get(2, TimeUnit.MINUTES);
            runs.put(idAndWorkflow[0], idAndWorkflow[1]);
        }
        clients.shutdown();
        return runs;
    }

    private static List<String[]> scenarios(String key) {
        return List.of(
                new String[] {"payment_recovery", "{\"workflow\":\"payment_recovery\",\"payload\":{\"account_id\":\"a-" + key
                        + "\",\"invoice_id\":\"i-" + key + "\",\"attempt_id\":\"t-" + key + "\",\"gateway_url\":\""
                        + GATEWAY.url() + "\"}}"},
                new String[] {"dependency_recovery", "{\"workflow\":\"dependency_recovery\",\"payload\":{\"account_id\":\"a-"
                        + key + "\",\"invoice_id\":\"i-" + key + "\",\"attempt_id\":\"t-" + key + "\"}}"},
                new String[] {"manual_approval", "{\"workflow\":\"manual_approval\",\"payload\":{\"account_id\":\"a-" + key
                        + "\"}}"},
                new String[] {"daily_digest", "{\"workflow\":\"daily_digest\",\"trigger\":\"manual_digest\",\"payload\":"
                        + "{\"channel\":\"ops\",\"digest_date\":\"2026-12-06\"}}"},
                new String[] {"local_ledger_checkout", "{\"workflow\":\"local_ledger_checkout\",\"payload\":"
                        + "{\"account_id\":\"a-" + key + "\"}}"},
                new String[] {"saga_checkout", "{\"workflow\":\"saga_checkout\",\"payload\":{\"account_id\":\"a-" + key
                        + "\",\"order_id\":\"o-" + key + "\"}}"},
                new String[] {"retry_verification", "{\"workflow\":\"retry_verification\",\"payload\":{\"attempt_id\":\"t-"
                        + key + "\"}}"},
                new String[] {"cancellable_wait", "{\"workflow\":\"cancellable_wait\",\"payload\":{\"account_id\":\"a-"
                        + key + "\"}}"});
    }

    /** Drives the runs to their end (approves the paused, cancels the waiting), then checks each one. */
    private static void settleAndVerify(Map<String, String> runs, Instant fault, String phase) throws Exception {
        ApiClient api = server.operator();
        Map<String, Map<String, Object>> finished = new HashMap<>();
        Instant deadline = fault.plus(SETTLE);
        while (finished.size() < runs.size() && Instant.now().isBefore(deadline)) {
            for (Map.Entry<String, String> run : runs.entrySet()) {
                String id = run.getKey();
                if (finished.containsKey(id)) {
                    continue;
                }
                try {
                    Map<String, Object> view = api.get("/api/runs/" + id + "?history=true").json();
                    if (terminal(view) && compensated(view)) {
                        finished.put(id, view);
                    } else if ("paused".equals(view.get("status"))) {
                        api.post("/api/runs/" + id + "/approve", "{\"comment\":\"after the fault\"}");
                    } else if ("cancellable_wait".equals(run.getValue()) && "running".equals(view.get("status"))) {
                        api.post("/api/runs/" + id + "/cancel", "{}");
                    }
                } catch (java.io.UncheckedIOException | IllegalStateException
                         | io.squidmesh.json.MalformedJsonException unreachable) {
                    // the database (and so the API) is still coming back
                }
            }
            Thread.sleep(500);
        }
        Duration settled = Duration.between(fault, Instant.now());
        long movedAfter = finished.values().stream()
                .filter(run -> Instant.parse((String) run.get("updated_at")).isAfter(fault)).count();
        System.out.println("DATABASE FAULT " + phase + ": " + movedAfter + " of " + runs.size()
                + " runs ended after the fault began");
        assertEquals(runs.size(), finished.size(), () -> phase + ": runs still active " + SETTLE + " after the fault: "
                + runs.keySet().stream().filter(id -> !finished.containsKey(id))
                .map(id -> id + " " + runs.get(id) + " " + api.get("/api/runs/" + id + "/explanation").body()).toList());
        System.out.println("DATABASE FAULT " + phase + ": " + runs.size() + " runs ended " + settled.toSeconds()
                + " s after the fault");

        Map<String, Integer> failedAttempts = new TreeMap<>();
        try (Connection connection = Postgres.connect()) {
            for (Map.Entry<String, Map<String, Object>> entry : finished.entrySet()) {
                String workflow = runs.get(entry.getKey());
                Map<String, Object> run = entry.getValue();
                String status = (String) run.get("status");
                switch (workflow) {
                    case "saga_checkout" -> {
                        assertEquals("failed", status, () -> phase + " " + run);
                        for (Map<String, Object> row : list(run.get("step_runs"))) {
                            if (!"capture_payment".equals(row.get("step"))) {
                                assertEquals("completed", map(map(row.get("recovery")).get("compensation")).get("status"),
                                        () -> phase + " compensation of " + row);
                            }
                        }
                    }
                    case "cancellable_wait" -> assertTrue(List.of("cancelled", "completed").contains(status),
                            () -> phase + " " + run);
                    default -> assertEquals("completed", status, () -> phase + " " + run);
                }
                if ("local_ledger_checkout".equals(workflow)) {
                    assertEquals(List.of("reserve", "capture"), ledger(connection, entry.getKey()),
                            () -> phase + ": the transactional step's rows, once: " + run);
                }
                for (Map<String, Object> row : list(run.get("step_runs"))) {
                    for (Map<String, Object> attempt : list(row.get("attempts"))) {
                        if ("failed".equals(attempt.get("status"))) {
                            Map<String, Object> error = map(attempt.get("error"));
                            Object why = error.containsKey("reason") ? error.get("reason") : error.get("message");
                            failedAttempts.merge(workflow + "/" + row.get("step") + ": " + why, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        System.out.println("DATABASE FAULT " + phase + ": failed attempts " + failedAttempts);

        Instant recovering = Instant.now();
        Await.until("the prepared XA transactions the fault left to be resolved", Postgres::preparedTransactions,
                n -> n == 0, RECOVERY);
        System.out.println("DATABASE FAULT " + phase + ": no prepared transaction left "
                + Duration.between(fault, Instant.now()).toSeconds() + " s after the fault ("
                + Duration.between(recovering, Instant.now()).toSeconds() + " s after the runs ended)");
    }

    /** A failed run with compensations is done when none of them is owed any more. */
    private static boolean compensated(Map<String, Object> run) {
        if (!"failed".equals(run.get("status"))) {
            return true;
        }
        for (Map<String, Object> row : list(run.get("step_runs"))) {
            Object recovery = row.get("recovery");
            Object compensation = recovery instanceof Map<?, ?> r ? r.get("compensation") : null;
            Object status = compensation instanceof Map<?, ?> c ? c.get("status") : null;
            if ("available".equals(status) || "running".equals(status)) {
                return false;
            }
        }
        return true;
    }

    private static boolean terminal(Map<String, Object> run) {
        return List.of("completed", "failed", "cancelled").contains(run.get("status"));
    }

    private static List<String> ledger(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT entry FROM local_ledger_entries WHERE run_id = ? ORDER BY id")) {
            query.setString(1, runId);
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1));
                }
            }
            return entries;
        }
    }
}
