package io.squidmesh.bench.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Scale-out (issue 12): W1 at 128 runs in flight on 1, 2 and 3 WildFly nodes sharing one standalone Artemis broker
 * and one PostgreSQL database. Completions happen on whichever node consumed the last step, so this mode drives
 * from the outside: runs are started through REST round robin over the nodes that are up, and the number in
 * flight is read from the database (non-terminal bench_linear runs) every 20 ms. While each window runs it samples
 * CPU per process (from /proc), PostgreSQL connections (pg_stat_activity) and, once, the broker's queue depth.
 */
final class ClusterBench {

    private final BenchMain bench;
    private final Path home;
    private final Path artemis;
    private final Path scripts;
    private final List<Process> nodes = new ArrayList<>();
    private final List<Long> nodePids = new ArrayList<>();
    private Process broker;

    ClusterBench(BenchMain bench) {
        this.bench = bench;
        this.home = Path.of(System.getProperty("bench.cluster.home"));
        this.artemis = Path.of(System.getProperty("bench.artemis.home"));
        this.scripts = Path.of(System.getProperty("bench.cluster.scripts"));
    }

    Map<String, Object> run(List<Integer> counts) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> levels = new ArrayList<>();
        try {
            startBroker();
            for (int count : counts) {
                while (nodes.size() < count) {
                    startNode(nodes.size() + 1);
                }
                // a node that just booted runs cold (JIT): a long warm-up, so the window measures steady state
                Map<String, Object> r = w1(count, 128, Long.getLong("bench.cluster.warmup.ms", 30_000), bench.seconds * 1000L);
                levels.add(r);
                BenchMain.log("cluster W1@128 on %d node(s): %s steps/s, cpu %s, pg %s", count, r.get("steps_per_s"),
                        r.get("cpu_pct_of_one_core"), r.get("pg_connections"));
            }
        } finally {
            stopAll();
        }
        out.put("levels", levels);
        double first = levels.isEmpty() ? Double.NaN : ((Number) levels.get(0).get("steps_per_s")).doubleValue();
        for (Map<String, Object> l : levels) {
            l.put("speedup_vs_1", Stats.round(((Number) l.get("steps_per_s")).doubleValue() / first));
        }
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        return out;
    }

    // ---------------------------------------------------------------- processes

    private void startBroker() throws Exception {
        Path instance = home.getParent().resolve("broker");
        broker = new ProcessBuilder("bash", scripts.resolve("broker.sh").toString(), artemis.toString(),
                instance.toString(), "--fresh").redirectErrorStream(true)
                .redirectOutput(bench.out.resolve("broker.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!listens(61616)) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start; see " + bench.out.resolve("broker.log"));
            }
            Thread.sleep(500);
        }
        BenchMain.log("broker up");
    }

    private void startNode(int index) throws Exception {
        String name = "node" + index;
        int offset = (index - 1) * 100;
        Path base = home.resolve(name);
        copyStandalone(base);
        bench.buildEar(base.resolve("deployments"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml");
        builder.environment().put("JAVA_OPTS", "-Xms1g -Xmx1g -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true"
                + " -Djboss.server.base.dir=" + base + " -Djboss.socket.binding.port-offset=" + offset
                + " -Djboss.node.name=" + name + " -Djboss.tx.node.id=" + name);
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.redirectErrorStream(true).redirectOutput(bench.out.resolve(name + "-console.log").toFile());
        Process process = builder.start();
        nodes.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + bench.out.resolve(name + "-console.log"));
            }
            try {
                Map<String, Object> ping = bench.control(8080 + offset, "ping");
                nodePids.add(((Number) ping.get("pid")).longValue());
                BenchMain.log("%s up (pid %s)", name, ping.get("pid"));
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not answer in 240 s", e);
                }
                Thread.sleep(1000);
            }
        }
    }

    private void copyStandalone(Path base) throws IOException {
        if (Files.exists(base)) {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path standalone = home.resolve("standalone");
        try (Stream<Path> files = Files.walk(standalone)) {
            for (Path source : files.toList()) {
                Path target = base.resolve(standalone.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void stopAll() {
        for (Process node : nodes) {
            node.descendants().forEach(ProcessHandle::destroy);
        }
        for (Process node : nodes) {
            try {
                node.waitFor(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            node.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        if (broker != null) {
            broker.descendants().forEach(ProcessHandle::destroy);
            broker.destroy();
            try {
                broker.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        BenchMain.log("cluster stopped");
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- W1 driven from outside

    private Map<String, Object> w1(int count, int inFlight, long warmupMillis, long measureMillis) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("operator:operator-pass1!".getBytes(StandardCharsets.UTF_8));
        List<HttpRequest> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + i * 100) + "/squidmesh/api/runs"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"workflow\":\"" + BenchMain.LINEAR + "\",\"payload\":{}}"))
                    .build());
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        AtomicInteger outstanding = new AtomicInteger();
        AtomicLong next = new AtomicLong(), errors = new AtomicLong();
        long begin = System.nanoTime();
        long warmEnd = begin + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long end = warmEnd + TimeUnit.MILLISECONDS.toNanos(measureMillis);
        long windowStart = 0;
        Map<String, Long> cpuBefore = null;
        Map<String, Long> ioBefore = null;
        Map<String, Long> pgBefore = null;
        List<int[]> connections = new ArrayList<>();
        List<int[]> locks = new ArrayList<>();
        String queueDepth = null;
        long lastSample = 0;
        try (Connection c = bench.pg(); PreparedStatement inFlightQuery = c.prepareStatement(
                "SELECT COUNT(*) FROM squid_mesh_runs WHERE workflow = 'bench_linear'"
                        + " AND status IN ('pending', 'running', 'retrying')");
             PreparedStatement activity = c.prepareStatement("SELECT COUNT(*) FILTER (WHERE state = 'active'), COUNT(*)"
                     + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
             PreparedStatement lockSample = c.prepareStatement("SELECT COUNT(*) FILTER (WHERE granted),"
                     + " COUNT(*) FILTER (WHERE NOT granted) FROM pg_locks WHERE pid <> pg_backend_pid()"
                     + " AND (database IS NULL OR database = (SELECT oid FROM pg_database WHERE datname = current_database()))")) {
            while (true) {
                long now = System.nanoTime();
                if (windowStart == 0 && now >= warmEnd) {
                    windowStart = System.currentTimeMillis();
                    cpuBefore = cpuTicks();
                    ioBefore = writeBytes();
                    pgBefore = pgCounters(c);
                }
                if (now >= end) {
                    break;
                }
                if (windowStart != 0 && now - lastSample > TimeUnit.SECONDS.toNanos(1)) {
                    lastSample = now;
                    try (ResultSet rs = activity.executeQuery()) {
                        rs.next();
                        connections.add(new int[] {rs.getInt(1), rs.getInt(2)});
                    }
                    try (ResultSet rs = lockSample.executeQuery()) {
                        rs.next();
                        locks.add(new int[] {rs.getInt(1), rs.getInt(2)});
                    }
                }
                long running;
                try (ResultSet rs = inFlightQuery.executeQuery()) {
                    rs.next();
                    running = rs.getLong(1);
                }
                long deficit = inFlight - running - outstanding.get();
                for (long i = 0; i < deficit; i++) {
                    outstanding.incrementAndGet();
                    HttpRequest request = starts.get((int) (next.getAndIncrement() % count));
                    clients.submit(() -> {
                        try {
                            if (bench.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 201) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        } finally {
                            outstanding.decrementAndGet();
                        }
                        return null;
                    });
                }
                Thread.sleep(20);
            }
        }
        long windowEnd = System.currentTimeMillis();
        Map<String, Long> cpuAfter = cpuTicks();
        Map<String, Long> ioAfter = writeBytes();
        Map<String, Long> pgAfter;
        try (Connection c = bench.pg()) {
            pgAfter = pgCounters(c);
        }
        // sampled right after the window: the CLI is a JVM of its own and would steal CPU inside it
        queueDepth = queueDepth();
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
        long completed;
        Map<String, Object> latency = new LinkedHashMap<>();
        try (Connection c = bench.pg(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (updated_at - inserted_at)) * 1000),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (updated_at - inserted_at)) * 1000)"
                + " FROM squid_mesh_runs WHERE workflow = 'bench_linear' AND status = 'completed'"
                + " AND updated_at BETWEEN ? AND ?")) {
            s.setTimestamp(1, new Timestamp(windowStart));
            s.setTimestamp(2, new Timestamp(windowEnd));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                completed = rs.getLong(1);
                latency.put("p50_ms", Stats.round(rs.getDouble(2)));
                latency.put("p99_ms", Stats.round(rs.getDouble(3)));
            }
        }
        bench.awaitIdle();
        double seconds = (windowEnd - windowStart) / 1000.0;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("nodes", count);
        r.put("in_flight", inFlight);
        r.put("runs_completed", completed);
        r.put("seconds", seconds);
        r.put("steps_per_s", Stats.round(5.0 * completed / seconds));
        r.put("run_latency_db", latency);
        r.put("start_errors", errors.get());
        Map<String, Object> cpu = new LinkedHashMap<>();
        double ticksPerSecond = 100.0; // USER_HZ on Linux
        for (String k : cpuAfter.keySet()) {
            cpu.put(k, Stats.round(100.0 * (cpuAfter.get(k) - cpuBefore.getOrDefault(k, 0L)) / ticksPerSecond / seconds));
        }
        double known = cpu.entrySet().stream().filter(e -> !e.getKey().equals("machine_total"))
                .mapToDouble(e -> (Double) e.getValue()).sum();
        cpu.put("other", Stats.round((Double) cpu.get("machine_total") - known));
        r.put("cpu_pct_of_one_core", cpu);
        r.put("pg_connections", Map.of(
                "active_avg", Stats.round(connections.stream().mapToInt(x -> x[0]).average().orElse(0)),
                "total_avg", Stats.round(connections.stream().mapToInt(x -> x[1]).average().orElse(0))));
        r.put("broker_queue_at_window_end", queueDepth);
        r.put("cost_per_step", costPerStep(5.0 * completed, cpuBefore, cpuAfter, ioBefore, ioAfter, pgBefore, pgAfter));
        r.put("pg_locks", Map.of(
                "held_avg", Stats.round(locks.stream().mapToInt(x -> x[0]).average().orElse(0)),
                "waiting_avg", Stats.round(locks.stream().mapToInt(x -> x[1]).average().orElse(0))));
        return r;
    }

    /**
     * The capacity model's inputs (docs/scale-out.md): CPU milliseconds per step in each process group (USER_HZ ticks
     * are 10 ms), bytes each group caused to be written to storage, and PostgreSQL's WAL bytes and rows written.
     */
    private static Map<String, Object> costPerStep(double steps, Map<String, Long> cpuBefore, Map<String, Long> cpuAfter,
            Map<String, Long> ioBefore, Map<String, Long> ioAfter, Map<String, Long> pgBefore, Map<String, Long> pgAfter) {
        Map<String, Object> cost = new LinkedHashMap<>();
        Map<String, Object> cpu = new LinkedHashMap<>();
        double engine = 0;
        for (String k : cpuAfter.keySet()) {
            double ms = 10.0 * (cpuAfter.get(k) - cpuBefore.getOrDefault(k, 0L)) / steps;
            cpu.put(k, Stats.round(ms));
            if (k.startsWith("node")) {
                engine += ms;
            }
        }
        cpu.put("engine_nodes", Stats.round(engine));
        cost.put("cpu_ms", cpu);
        Map<String, Object> written = new LinkedHashMap<>();
        for (String k : ioAfter.keySet()) {
            written.put(k, Math.round((ioAfter.get(k) - ioBefore.getOrDefault(k, 0L)) / steps));
        }
        cost.put("storage_bytes_written", written);
        cost.put("pg_wal_bytes", Math.round((pgAfter.get("wal") - pgBefore.get("wal")) / steps));
        cost.put("pg_rows_written", Stats.round((pgAfter.get("rows") - pgBefore.get("rows")) / steps));
        cost.put("pg_commits_incl_driver_polls", Stats.round((pgAfter.get("commits") - pgBefore.get("commits")) / steps));
        return cost;
    }

    /** WAL position, rows written and commits of the bench database so far. */
    private static Map<String, Long> pgCounters(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(),"
                + " '0/0')::bigint, tup_inserted + tup_updated + tup_deleted, xact_commit FROM pg_stat_database"
                + " WHERE datname = current_database()")) {
            rs.next();
            return Map.of("wal", rs.getLong(1), "rows", rs.getLong(2), "commits", rs.getLong(3));
        }
    }

    /** Bytes each process group caused to be written to storage so far (/proc/PID/io write_bytes). */
    private Map<String, Long> writeBytes() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (int i = 0; i < nodePids.size(); i++) {
            bytes.put("node" + (i + 1), writeBytes(nodePids.get(i)));
        }
        bytes.put("broker", broker == null ? 0L
                : broker.descendants().mapToLong(p -> writeBytes(p.pid())).sum() + writeBytes(broker.pid()));
        bytes.put("postgres", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("postgres"))
                .mapToLong(p -> writeBytes(p.pid())).sum());
        return bytes;
    }

    private static long writeBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The capacity model from a level's measured per-step costs, 70 % utilisation. */
    @SuppressWarnings("unchecked")
    static CapacityModel model(Map<String, Object> level) {
        Map<String, Object> cpu = (Map<String, Object>) ((Map<String, Object>) level.get("cost_per_step")).get("cpu_ms");
        return new CapacityModel(((Number) cpu.get("engine_nodes")).doubleValue(), ((Number) cpu.get("broker")).doubleValue(),
                ((Number) cpu.get("postgres")).doubleValue(), 0.7);
    }

    /** utime + stime ticks per process group: each node JVM, the broker, all postgres processes, this driver. */
    private Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (int i = 0; i < nodePids.size(); i++) {
            ticks.put("node" + (i + 1), ticks(nodePids.get(i)));
        }
        long brokerTicks = 0;
        if (broker != null) {
            brokerTicks = broker.descendants().mapToLong(p -> ticks(p.pid())).sum() + ticks(broker.pid());
        }
        ticks.put("broker", brokerTicks);
        ticks.put("postgres", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("postgres"))
                .mapToLong(p -> ticks(p.pid())).sum());
        ticks.put("driver", ticks(ProcessHandle.current().pid()));
        ticks.put("machine_total", machineTicks());
        return ticks;
    }

    /** CPU ticks (user + system, USER_HZ) the process has used so far; 0 when it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy ticks of the whole machine (all cores): user + nice + system + irq + softirq + steal. */
    static long machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String queueDepth() {
        try {
            Process p = new ProcessBuilder(artemis.resolve("bin/artemis").toString(), "queue", "stat", "--url",
                    "tcp://127.0.0.1:61616", "--user", "squidmesh", "--password", "squidmesh", "--queueName", "squidmesh")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            for (String line : text.split("\n")) {
                if (line.contains("|squidmesh ") || line.contains("|squidmesh|")) {
                    return line.replaceAll("\\s+", " ").trim();
                }
            }
            return text.lines().filter(l -> l.contains("MESSAGE_COUNT")).findFirst().orElse("?").replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    static String table(Map<String, Object> cluster) {
        StringBuilder t = new StringBuilder("\n================ Scale-out: W1 at 128 runs in flight ================\n"
                + "broker queue columns: |NAME|ADDRESS|CONSUMER_COUNT|MESSAGE_COUNT|MESSAGES_ADDED|DELIVERING_COUNT|MESSAGES_ACKED|...\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) cluster.get("levels");
        t.append(String.format("%-6s %10s %8s %10s %10s  %s%n", "nodes", "steps/s", "speedup", "run p50", "run p99",
                "CPU % of one core per process (machine has " + cluster.get("cpus") + " cores)"));
        for (Map<String, Object> l : levels) {
            @SuppressWarnings("unchecked")
            Map<String, Object> lat = (Map<String, Object>) l.get("run_latency_db");
            t.append(String.format("%-6s %10s %8s %10s %10s  %s%n", l.get("nodes"), l.get("steps_per_s"),
                    l.get("speedup_vs_1"), lat.get("p50_ms"), lat.get("p99_ms"), l.get("cpu_pct_of_one_core")));
            t.append(String.format("%-6s PostgreSQL connections %s; broker queue at window end %s%n", "",
                    l.get("pg_connections"), l.get("broker_queue_at_window_end")));
            t.append(String.format("%-6s per step: %s; PostgreSQL locks %s%n", "", l.get("cost_per_step"), l.get("pg_locks")));
        }
        if (!levels.isEmpty()) {
            t.append("\n================ Capacity model (docs/scale-out.md), from the ").append(levels.get(0).get("nodes"))
                    .append("-node level ================\n").append(model(levels.get(0)).table(CapacityModel.standardSizes()));
        }
        return t.toString();
    }
}
