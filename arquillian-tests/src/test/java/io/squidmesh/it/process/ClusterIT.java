package io.squidmesh.it.process;

import io.squidmesh.it.batch.BatchDeployment;
import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out (DESIGN §10): three WildFly nodes share one PostgreSQL and one standalone Artemis broker. A few hundred
 * mixed runs are started across the nodes; the node running a slow batch job is killed with SIGKILL in the middle
 * of the load, while slow steps run on every node, and stays down until every run has ended: the survivors take
 * over what it was running, without an operator and without its restart, within the documented bound (its leases
 * lapse, the watchdog re-queues). Every run must end correctly (the lost job started again elsewhere), no
 * transactional step's rows may be doubled, and no cron window may start two runs although every node runs its
 * own cron timer. Then a node started with another live node's transaction node identifier refuses to start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** Lease (30 s) + watchdog period (10 s) + a delivery, with room for a loaded 2-core machine. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(60);
    private static final int SLOW_STEPS = 12;

    private static final int RUNS = 280;
    private static final int SLOW_JOBS = 3;
    private static Process broker;
    private static final List<ServerProcess> NODES = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Path home = Path.of(System.getProperty("squidmesh.cluster.home"));
        broker = new ProcessBuilder("bash", System.getProperty("squidmesh.cluster.scripts") + "/broker.sh",
                System.getProperty("squidmesh.artemis.home"), Path.of("target", "broker").toAbsolutePath().toString(),
                "--fresh").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "broker.log").toFile()).start();
        Await.until("the broker", ClusterIT::brokerListens, up -> up, Duration.ofSeconds(60));
        createLedgerTable();
        EnterpriseArchive ear = deployment();
        for (int i = 0; i < 3; i++) {
            ServerProcess node = ServerProcess.node(home, "node" + (i + 1), i * 100);
            node.deploy(ear);
            NODES.add(node);
        }
        ExecutorService boots = Executors.newFixedThreadPool(3);
        for (Future<?> boot : boots.invokeAll(NODES.stream().<java.util.concurrent.Callable<Object>>map(n -> () -> {
            n.start();
            return null;
        }).toList())) {
            boot.get();
        }
        boots.shutdown();
    }

    @AfterAll
    static void stopCluster() {
        NODES.forEach(ServerProcess::close);
        if (broker != null) {
            broker.descendants().forEach(ProcessHandle::destroy);
            broker.destroy();
        }
    }

    @Test
    @Order(1)
    void everyRunEndsCorrectlyWhenANodeIsKilledMidLoad() throws Exception {
        // each node schedules its own timer per cron trigger (file timer store); G6 makes the extra activations no-ops
        int timersPerNode = NODES.get(0).persistentTimers("CronScheduler").size();
        assertTrue(timersPerNode >= 1, "the cron trigger has a timer");
        Map<String, String> workflowOf = new ConcurrentHashMap<>();
        List<String> ids = new CopyOnWriteArrayList<>();

        // slow batch jobs first: the node running one of them is the one to kill
        Map<String, Long> slowJobs = new HashMap<>();
        for (int i = 0; i < SLOW_JOBS; i++) {
            String id = start(NODES.get(i).operator(), "it_batch", "{\"items\":30,\"item_delay_ms\":1000}");
            workflowOf.put(id, "it_batch");
            ids.add(id);
            slowJobs.put(id, null);
        }
        Map<String, String> jobNode = new HashMap<>();
        for (String id : slowJobs.keySet()) {
            Map<String, Object> resume = Await.until("the batch job of " + id + " under way", () -> batchResume(id),
                    r -> r != null && NODES.stream().anyMatch(n -> n.batchProgress(id) >= 2), Duration.ofSeconds(90));
            jobNode.put(id, (String) resume.get("node"));
            slowJobs.put(id, ((Number) resume.get("execution_id")).longValue());
        }
        String victimName = jobNode.values().iterator().next();
        int victim = Integer.parseInt(victimName.substring("node".length())) - 1;

        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> starts = new ArrayList<>();
        List<String> slowSteps = new ArrayList<>();
        Instant killedAt = null;
        for (int i = 0; i < RUNS; i++) {
            int n = i;
            starts.add(clients.submit(() -> {
                String[] scenario = scenario(n);
                ApiClient node = liveNode(n);
                String id = start(node, scenario[0], scenario[1]);
                workflowOf.put(id, scenario[0]);
                ids.add(id);
            }));
            if (i == RUNS / 3) {
                for (Future<?> started : starts) {
                    started.get(2, TimeUnit.MINUTES);
                }
                // steps that are executing when the node dies, on whichever node took them
                for (int s = 0; s < SLOW_STEPS; s++) {
                    String id = start(NODES.get(s % NODES.size()).operator(), "crash_slow", "{\"sleep_ms\":20000}");
                    workflowOf.put(id, "crash_slow");
                    ids.add(id);
                    slowSteps.add(id);
                }
                ApiClient any = NODES.get((victim + 1) % NODES.size()).operator();
                Await.until("the slow steps to run", () -> slowSteps.stream().filter(id -> "sleep".equals(
                        any.get("/api/runs/" + id).json().get("current_step"))).count(), n2 -> n2 == SLOW_STEPS,
                        Duration.ofSeconds(60));
                killedAt = Instant.now();
                NODES.get(victim).kill();
            }
        }
        for (Future<?> started : starts) {
            started.get(5, TimeUnit.MINUTES);
        }

        ApiClient viewer = NODES.get((victim + 1) % NODES.size()).operator();
        Map<String, Map<String, Object>> finished = new HashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (finished.size() < ids.size() && Instant.now().isBefore(deadline)) {
            for (String id : ids) {
                if (finished.containsKey(id)) {
                    continue;
                }
                Map<String, Object> run = viewer.get("/api/runs/" + id + "?history=true").json();
                if ("paused".equals(run.get("status"))) {
                    viewer.post("/api/runs/" + id + "/approve", "{\"comment\":\"cluster\"}");
                } else if (List.of("completed", "failed", "cancelled").contains(run.get("status"))) {
                    finished.put(id, run);
                }
            }
            Thread.sleep(500);
        }
        clients.shutdown();
        assertEquals(ids.size(), finished.size(), "runs still active after the deadline (the killed node still down): "
                + ids.stream().filter(id -> !finished.containsKey(id)).toList());
        NODES.get(victim).start(); // only now: nothing above needed it

        List<Long> takeovers = new ArrayList<>();
        for (String id : slowSteps) {
            List<Map<String, Object>> attempts = list(list(finished.get(id).get("step_runs")).stream()
                    .filter(r -> "sleep".equals(r.get("step"))).findFirst().orElseThrow().get("attempts"));
            for (int a = 0; a + 1 < attempts.size(); a++) {
                Object reason = map(attempts.get(a).get("error")).get("reason");
                if ("lease_expired".equals(reason) || "node_gone".equals(reason)) {
                    Instant next = Instant.parse((String) attempts.get(a + 1).get("inserted_at"));
                    takeovers.add(Duration.between(killedAt, next).toMillis());
                }
            }
        }
        System.out.println("CLUSTER takeover of the killed node's running steps, ms after the kill: " + takeovers);
        assertTrue(!takeovers.isEmpty(), "some slow step ran on the killed node (" + SLOW_STEPS + " spread over 3)");
        for (long millis : takeovers) {
            assertTrue(millis <= TAKEOVER_BOUND.toMillis(), "taken over " + millis + " ms after the kill, beyond "
                    + TAKEOVER_BOUND);
        }

        Map<String, Integer> byWorkflow = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> entry : finished.entrySet()) {
            Map<String, Object> run = entry.getValue();
            assertEquals("completed", run.get("status"), () -> "run " + entry.getKey() + ": " + run);
            if ("crash_slow".equals(run.get("workflow"))) {
                continue; // its takeovers are checked above
            }
            byWorkflow.merge((String) run.get("workflow"), 1, Integer::sum);
            for (Map<String, Object> stepRun : list(run.get("step_runs"))) {
                List<Map<String, Object>> attempts = list(stepRun.get("attempts"));
                assertEquals("completed", attempts.get(attempts.size() - 1).get("status"), stepRun::toString);
                for (Map<String, Object> failed : attempts.subList(0, attempts.size() - 1)) {
                    Object reason = map(failed.get("error")).get("reason");
                    Object code = map(failed.get("error")).get("code");
                    assertTrue("node_gone".equals(reason) || "lease_expired".equals(reason) || "retry_later".equals(code)
                            || String.valueOf(map(failed.get("error")).get("message")).startsWith("batch job"),
                            () -> "an attempt failed for another reason: " + failed);
                }
            }
        }
        for (Map.Entry<String, Long> slow : slowJobs.entrySet()) {
            Map<String, Object> crunch = map(map(finished.get(slow.getKey()).get("context")).get("crunch"));
            assertEquals(30L, ((Number) map(crunch.get("metrics")).get("read_count")).longValue(), crunch::toString);
            if (victimName.equals(jobNode.get(slow.getKey()))) {
                assertTrue(slow.getValue() != ((Number) crunch.get("execution_id")).longValue(),
                        () -> "the job lost with " + victimName + " ran again as a new execution: " + crunch);
            }
        }
        for (String id : ids) {
            if ("it_ledger".equals(workflowOf.get(id))) {
                List<String> entries = ledgerEntries(id);
                assertEquals(2, entries.size(), () -> "ledger rows of " + id + ": " + entries);
            }
        }
        Set<Object> windows = new HashSet<>();
        for (Map<String, Object> run : list(viewer.get("/api/runs?workflow=crash_cron&limit=500").json().get("runs"))) {
            Object window = map(map(map(run.get("context")).get("schedule")).get("intended_window")).get("start_at");
            assertTrue(windows.add(window), "one run per window across the nodes: " + window);
        }
        assertTrue(windows.size() >= 10, "the cron trigger kept firing: " + windows.size());
        for (ServerProcess node : NODES) {
            // a single-action timer that just fired is replaced in its callback: look until that settled
            Await.until("one timer per cron trigger on every node, the restarted one included",
                    () -> node.persistentTimers("CronScheduler").size(), n -> n == timersPerNode, Duration.ofSeconds(30));
        }
        System.out.println("CLUSTER runs by workflow " + byWorkflow + ", cron windows " + windows.size());
    }

    @Test
    @Order(2)
    void aNodeWithTheTransactionNodeIdentifierOfALiveNodeRefusesToStart() throws Exception {
        ServerProcess twin = ServerProcess.node(Path.of(System.getProperty("squidmesh.cluster.home")), "node4", 300,
                "node1");
        twin.deploy(deployment());
        java.nio.file.Files.deleteIfExists(twin.serverLog()); // the copy of standalone/ brought the provisioning's log
        try {
            twin.launch();
            String expected = "Squid Mesh node node4 cannot start: the live node node1";
            String log = Await.until("node4 to boot", () -> {
                try {
                    return java.nio.file.Files.exists(twin.serverLog()) ? java.nio.file.Files.readString(twin.serverLog()) : "";
                } catch (IOException e) {
                    return "";
                }
            }, text -> text.contains("WFLYSRV0025") || text.contains("WFLYSRV0026"), Duration.ofSeconds(180));
            assertTrue(log.contains(expected + " (seen ") && log.contains("has the same transaction node identifier 'node1'"),
                    "node4 refused to start beside node1: " + log.lines().filter(l -> l.contains("Squid Mesh")
                            || l.contains("WFLYSRV002")).toList());
            assertEquals(200, NODES.get(0).operator().get("/api/health").status(), "node1 is unharmed");
        } finally {
            twin.kill();
        }
    }

    @Test
    @Order(3)
    void aConcurrencyLimitHoldsAcrossTheCluster() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(start(liveNode(i), "crash_limited", "{\"sleep_ms\":300}"));
        }
        for (String id : ids) {
            Await.until("run " + id + " to complete", () -> NODES.get(0).operator().get("/api/runs/" + id).json(),
                    run -> "completed".equals(run.get("status")), Duration.ofSeconds(120));
        }
        List<Instant[]> intervals = new ArrayList<>();
        Map<String, Integer> nodes = new HashMap<>();
        try (Connection connection = database(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT started_at, ended_at, node FROM it_step_intervals")) {
            while (rows.next()) {
                intervals.add(new Instant[] {rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant()});
                nodes.merge(String.valueOf(rows.getString(3)), 1, Integer::sum);
            }
        }
        int most = mostAtOnce(intervals);
        System.out.println("CLUSTER concurrency limit 2: 20 runs, " + intervals.size() + " steps executed by "
                + nodes + "; most executing at once: " + most);
        assertEquals(40, intervals.size(), "each of the 40 steps executed once");
        assertTrue(most <= 2, "never more than the limit at once: " + most);
        assertEquals(2, most, "the limit was used");
    }

    /** The most intervals that overlap at one instant (an end and a start at the same instant do not overlap). */
    static int mostAtOnce(List<Instant[]> intervals) {
        List<Object[]> edges = new ArrayList<>();
        for (Instant[] interval : intervals) {
            edges.add(new Object[] {interval[0], 1});
            edges.add(new Object[] {interval[1], -1});
        }
        edges.sort((a, b) -> {
            int byTime = ((Instant) a[0]).compareTo((Instant) b[0]);
            return byTime != 0 ? byTime : Integer.compare((Integer) a[1], (Integer) b[1]); // ends first
        });
        int now = 0;
        int most = 0;
        for (Object[] edge : edges) {
            now += (Integer) edge[1];
            most = Math.max(most, now);
        }
        return most;
    }

    /** The mix: linear, retry, wait, fan-out/fan-in, transactional, approval, batch. */
    private static String[] scenario(int n) {
        return switch (n % 7) {
            case 0 -> new String[] {"it_linear", "{\"account_id\":\"c" + n + "\"}"};
            case 1 -> new String[] {"it_retry", "{\"failures\":1}"};
            case 2 -> new String[] {"it_wait", "{\"delay_seconds\":1}"};
            case 3 -> new String[] {"it_fan_out", "{\"order_id\":\"c" + n + "\"}"};
            case 4 -> new String[] {"it_ledger", "{}"};
            case 5 -> new String[] {"it_approval", "{\"account_id\":\"c" + n + "\"}"};
            default -> new String[] {"it_batch", "{\"items\":5}"};
        };
    }

    /** Round robin over the nodes that are up (node 2 is down between the kill and the restart). */
    private static ApiClient liveNode(int n) {
        List<ServerProcess> live = IntStream.range(0, NODES.size()).filter(i -> NODES.get(i).isRunning())
                .mapToObj(NODES::get).toList();
        return live.get(n % live.size()).operator();
    }

    private static String start(ApiClient node, String workflow, String payload) {
        ApiClient.Reply reply = node.post("/api/runs", "{\"workflow\":\"" + workflow + "\",\"payload\":" + payload + "}");
        if (reply.status() != 201) {
            throw new IllegalStateException("start " + workflow + ": " + reply);
        }
        return (String) reply.json().get("id");
    }

    private static EnterpriseArchive deployment() {
        return BatchDeployment.with(ClusterIT.class, ProcessWorkflows.class, ProcessWorkflows.Sleep.class,
                ProcessWorkflows.FailFirst.class, ProcessWorkflows.SlowLedger.class, ProcessWorkflows.Slow.class,
                ProcessWorkflows.Retry.class, ProcessWorkflows.Ledger.class, ProcessWorkflows.Ticker.class,
                ProcessWorkflows.Interval.class, ProcessWorkflows.Limited.class);
    }

    private static boolean brokerListens() {
        try (Socket socket = new Socket("127.0.0.1", 61616)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    /** Before the nodes boot, so that their {@code CREATE TABLE IF NOT EXISTS} cannot race each other. */
    private static void createLedgerTable() throws SQLException {
        try (Connection connection = database(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS it_ledger_entries (run_id varchar(64) NOT NULL, "
                    + "entry varchar(32) NOT NULL, attempt integer NOT NULL)");
            statement.execute("DROP TABLE IF EXISTS it_step_intervals");
            statement.execute("CREATE TABLE it_step_intervals (id varchar(128) PRIMARY KEY, node varchar(64), "
                    + "started_at timestamptz NOT NULL, ended_at timestamptz)");
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("squidmesh.cluster.jdbc.url"), "squidmesh", "squidmesh");
    }

    /** The batch step's resume metadata (execution id, node), once the job is started. */
    private static Map<String, Object> batchResume(String runId) {
        try (Connection connection = database();
             PreparedStatement query = connection.prepareStatement("SELECT resume->>'execution_id', resume->>'node' "
                     + "FROM squid_mesh_step_runs WHERE run_id = ?::uuid AND step = 'crunch'")) {
            query.setString(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next() && rows.getString(1) != null) {
                    return Map.of("execution_id", Long.parseLong(rows.getString(1)), "node", rows.getString(2));
                }
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ledgerEntries(String runId) throws SQLException {
        try (Connection connection = database()) {
            return LedgerRows.of(connection, runId);
        }
    }
}
