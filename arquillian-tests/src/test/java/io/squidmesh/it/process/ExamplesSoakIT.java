package io.squidmesh.it.process;

import io.squidmesh.it.examples.GatewayStub;
import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.ServerManagement;
import io.squidmesh.json.Json;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.map;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SPEC §15.4's bounded soak, scaled up and run on demand ({@code ./mvnw verify -Psoak}): {@code soak.runs} (500 by
 * default) example runs started from 8 client threads through the REST API — successes, retries, cancellations and
 * replays with the override — each checked to end as it should. Not a benchmark: it reports counts, duration and
 * the server's heap after a GC before and after, and fails on any lost or stuck run.
 */
class ExamplesSoakIT {

    private static ServerProcess server;
    private static final GatewayStub GATEWAY = GatewayStub.answering(200, "ok");

    @BeforeAll
    static void startServer() {
        server = ServerProcess.provisioned();
        server.deploy(Deployments.referenceEar());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
        GATEWAY.close();
    }

    @Test
    void hundredsOfMixedRunsAllEndAsTheyShould() throws Exception {
        int total = Integer.getInteger("soak.runs", 500);
        long heapBefore = heapAfterGc();
        Instant started = Instant.now();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int n = i;
            work.add(clients.submit(() -> outcomes.merge(scenario(n), 1, Integer::sum)));
        }
        for (Future<?> scenario : work) {
            scenario.get(10, TimeUnit.MINUTES);
        }
        clients.shutdown();
        Duration took = Duration.between(started, Instant.now());
        long heapAfter = heapAfterGc();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runs", total);
        report.put("outcomes", new LinkedHashMap<>(outcomes));
        report.put("duration_ms", took.toMillis());
        report.put("runs_per_second", Math.round(total * 10_000.0 / took.toMillis()) / 10.0);
        report.put("gateway_requests", GATEWAY.requests());
        report.put("heap_after_gc_before_mb", heapBefore / (1024 * 1024));
        report.put("heap_after_gc_after_mb", heapAfter / (1024 * 1024));
        report.put("database", System.getProperty("squidmesh.process.jdbc.url"));
        Path file = Path.of("target", "soak", "soak.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(report));
        System.out.println("SOAK " + Json.write(report));

        assertEquals(total, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of(), outcomes.keySet().stream().filter(k -> k.startsWith("wrong")).toList(), outcomes::toString);
    }

    /** One run of the mix, to its end; returns its category, or {@code wrong: ...} when it did not end right. */
    private static String scenario(int n) {
        return switch (n % 10) {
            case 0, 1, 2, 3, 4, 5 -> payment(n);
            case 6, 7 -> retry(n);
            case 8 -> cancellation(n);
            default -> replay(n);
        };
    }

    private static String payment(int n) {
        Map<String, Object> run = finish(startPayment(n));
        return "completed".equals(run.get("status"))
                && "ok".equals(map(map(run.get("context")).get("gateway_check")).get("status"))
                ? "successful" : "wrong: payment " + run.get("id");
    }

    private static String retry(int n) {
        Map<String, Object> run = finish(start("retry_verification", "{\"attempt_id\":\"soak-" + n + "\"}"));
        List<Map<String, Object>> attempts = list(list(run.get("step_runs")).get(0).get("attempts"));
        return "completed".equals(run.get("status")) && attempts.size() == 2 ? "retried" : "wrong: retry " + run.get("id");
    }

    private static String cancellation(int n) {
        String id = start("cancellable_wait", "{\"account_id\":\"soak-" + n + "\"}");
        await(id, run -> "record_delivery".equals(run.get("current_step")) || isTerminal(run));
        ApiClient.Reply cancel = OPERATOR.post("/api/runs/" + id + "/cancel", "{}");
        Map<String, Object> run = finish(id);
        if (cancel.status() == 409 && "completed".equals(run.get("status"))) {
            return "completed before the cancel reached it";
        }
        return cancel.status() == 200 && "cancelled".equals(run.get("status")) ? "cancelled" : "wrong: cancel " + id;
    }

    private static String replay(int n) {
        String source = startPayment(n);
        finish(source);
        ApiClient.Reply replay = OPERATOR.post("/api/runs/" + source + "/replay", "{\"allow_irreversible\":true}");
        if (replay.status() != 201) {
            return "wrong: replay refused " + replay;
        }
        Map<String, Object> run = finish((String) replay.json().get("id"));
        return "completed".equals(run.get("status")) && source.equals(run.get("replayed_from_run_id"))
                ? "replayed" : "wrong: replay " + run.get("id");
    }

    private static String startPayment(int n) {
        return start("payment_recovery", "{\"account_id\":\"soak-" + n + "\",\"invoice_id\":\"inv-" + n
                + "\",\"attempt_id\":\"att-" + n + "\",\"gateway_url\":\"" + GATEWAY.url() + "\"}");
    }

    private static String start(String workflow, String payload) {
        ApiClient.Reply reply = OPERATOR.post("/api/runs", "{\"workflow\":\"" + workflow + "\",\"payload\":" + payload + "}");
        if (reply.status() != 201) {
            throw new IllegalStateException("start " + workflow + ": " + reply);
        }
        return (String) reply.json().get("id");
    }

    /** The run once it is terminal; a run still active after two minutes is stuck and fails the soak. */
    private static Map<String, Object> finish(String id) {
        return await(id, ExamplesSoakIT::isTerminal);
    }

    private static Map<String, Object> await(String id, java.util.function.Predicate<Map<String, Object>> done) {
        return Await.until("run " + id, () -> OPERATOR.get("/api/runs/" + id + "?history=true").json(), done,
                Duration.ofMinutes(2));
    }

    private static boolean isTerminal(Map<String, Object> run) {
        return List.of("completed", "failed", "cancelled").contains(run.get("status"));
    }

    /** The server's heap in use right after a full GC, through the management API. */
    private static long heapAfterGc() throws IOException {
        try (ModelControllerClient client = ServerManagement.client()) {
            ModelNode gc = new ModelNode();
            gc.get("operation").set("gc");
            gc.get("address").add("core-service", "platform-mbean").add("type", "memory");
            client.execute(gc);
            ModelNode read = new ModelNode();
            read.get("operation").set("read-attribute");
            read.get("name").set("heap-memory-usage");
            read.get("address").add("core-service", "platform-mbean").add("type", "memory");
            return client.execute(read).get("result", "used").asLong();
        }
    }
}
