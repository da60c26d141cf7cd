package io.squidmesh.bench.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The benchmark: builds the bench EAR (the reference EAR plus the bench EJB module and its small web module),
 * starts the provisioned WildFly (PostgreSQL XA, embedded Artemis, -Xmx1g, JFR on), runs the workloads with
 * warm-up through the bench endpoint, stops the server, runs the DBOS peer, then prints the table and writes
 * results.json and chart.png. Targets are reported as PASS/MISS; they never fail the build.
 */
public final class BenchMain {

    static final String LINEAR = "bench_linear";
    static final String GROW_SHORT = "bench_grow_5";
    static final String GROW_LONG = "bench_grow_50";
    static final String FANOUT = "bench_fanout";
    static final String START = "bench_start";
    static final int[] LEVELS = {1, 16, 128};

    /**
     * W1's levels: {@link #LEVELS}, or {@code -Dbench.w1.levels=1,100} with {@code -Dbench.only=w1} (the full report
     * compares W1 with the baselines at the levels they share, so it keeps the defaults).
     */
    static int[] w1Levels() {
        String levels = System.getProperty("bench.w1.levels", "");
        if (levels.isBlank() || !"w1".equals(System.getProperty("bench.only"))) {
            return levels();
        }
        return java.util.Arrays.stream(levels.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    /** {@code -Dbench.mode=quick}: W1, B1 and B2 at 1 and 128 in flight only, the gate a change can be read by. */
    static boolean quick() {
        return "quick".equals(System.getProperty("bench.mode"));
    }

    /** The in-flight levels W1, B1 and B2 share: 1, 16, 128; 1 and 128 in quick mode. */
    static int[] levels() {
        return quick() ? new int[] {1, 128} : LEVELS;
    }

    final Path home = Path.of(System.getProperty("bench.home"));
    final Path ear = Path.of(System.getProperty("bench.ear"));
    final Path classes = Path.of(System.getProperty("bench.classes"));
    final Path out = Path.of(System.getProperty("bench.out"));
    final int seconds = Integer.getInteger("bench.seconds", 15);
    final long historyRuns = Long.getLong("bench.history.runs", 1_000_000L);
    final String pgUrl = System.getProperty("bench.pg.url");
    final String pgUser = System.getProperty("bench.pg.user");
    final String pgPassword = System.getProperty("bench.pg.password");
    final String adminUrl = System.getProperty("bench.pg.admin.url");
    final String dbosDatabase = System.getProperty("bench.dbos.database", "dbos_bench");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** W3's REST callers speak {@code -Dbench.w3.http}: 1.1 (default), or 2 (h2c, the JDK client's upgrade). */
    final String restHttp = System.getProperty("bench.w3.http", "1.1");
    final HttpClient rest = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version("2".equals(restHttp) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    final Map<String, Object> results = new LinkedHashMap<>();
    Process server;
    long serverPid;

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        BenchMain bench = new BenchMain();
        if ("b2".equals(System.getProperty("bench.only"))) { // the peer alone, no application server
            System.out.println(bench.json.writeValueAsString(bench.dbosPeer(5_000, bench.seconds * 1000L)));
            return;
        }
        String nodes = System.getProperty("bench.nodes", "");
        if (!nodes.isBlank()) { // scale-out mode (issue 12): W1@128 on 1, 2, 3 nodes, one broker, one database
            Files.createDirectories(bench.out);
            bench.prepareDatabase();
            Map<String, Object> cluster = new ClusterBench(bench).run(
                    java.util.Arrays.stream(nodes.split(",")).map(String::trim).map(Integer::valueOf).toList());
            Files.writeString(bench.out.resolve("cluster.json"), bench.json.writeValueAsString(cluster));
            String table = ClusterBench.table(cluster);
            Files.writeString(bench.out.resolve("cluster.txt"), table);
            System.out.println(table + "results: " + bench.out.resolve("cluster.json"));
            return;
        }
        try {
            bench.run();
        } finally {
            bench.stopServer();
        }
    }

    @SuppressWarnings("unchecked")
    void run() throws Exception {
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        results.put("started_at", Instant.now().toString());
        results.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        buildEar();
        prepareDatabase();
        startServer();
        long warm = 5_000, measure = seconds * 1000L;
        if ("w4".equals(System.getProperty("bench.only"))) { // the read side alone: pages and inspect as history grows
            control("loop", "workflow", LINEAR, "in_flight", 16, "warmup_ms", 1000, "measure_ms", 3000, "statistics", false);
            Map<String, Object> w4 = historyGrowth();
            results.put("w4", w4);
            results.put("w4_ratio_large_over_small", Report.w4Ratios(w4));
            stopServer();
            Files.writeString(out.resolve("results-w4.json"), json.writeValueAsString(results));
            System.out.println(Report.w4Table(w4) + "results: " + out.resolve("results-w4.json"));
            return;
        }

        if ("w3".equals(System.getProperty("bench.only"))) { // start rate: the EJB against REST, and where REST's time goes
            control("loop", "workflow", LINEAR, "in_flight", 16, "warmup_ms", 2000, "measure_ms", 2000, "statistics", false);
            awaitIdle();
            Map<String, Object> w3 = startRates(warm, measure);
            results.put("w3", w3);
            results.put("w3_rest_over_ejb", w3.get("rest_over_ejb"));
            stopServer();
            Files.writeString(out.resolve("results-w3.json"), json.writeValueAsString(results));
            System.out.println(json.writeValueAsString(w3) + "\nresults: " + out.resolve("results-w3.json"));
            return;
        }

        if ("w5".equals(System.getProperty("bench.only"))) { // cost growth with the run's own history
            Map<String, Object> w5 = contextGrowth(warm, measure);
            results.put("w5", w5);
            results.put("w5_cost_ratio_long_over_short", w5.get("cost_per_step_ratio_long_over_short"));
            stopServer();
            Files.writeString(out.resolve("results-w5.json"), json.writeValueAsString(results));
            System.out.println(json.writeValueAsString(w5) + "\nresults: " + out.resolve("results-w5.json"));
            return;
        }

        // W1 linear at 1, 16, 128 in flight (JFR profile recording around the 128 level)
        List<Map<String, Object>> w1 = new ArrayList<>();
        int[] w1Levels = w1Levels();
        for (int n : w1Levels) {
            boolean top = n == w1Levels[w1Levels.length - 1];
            if (top) {
                jcmd("JFR.start", "name=w1", "settings=profile");
            }
            Map<String, Object> r = control("loop", "workflow", LINEAR, "in_flight", n, "warmup_ms", warm,
                    "measure_ms", measure, "statistics", top);
            if (top) {
                jcmd("JFR.dump", "name=w1", "filename=" + out.resolve("w1-128.jfr"));
                jcmd("JFR.stop", "name=w1");
            }
            r.put("steps_per_s", Stats.round(5.0 * ((Number) r.get("runs_completed")).longValue() / (measure / 1000.0)));
            r.put("hop_latency", hopLatency(r));
            w1.add(r);
            log("W1 @%d: %s steps/s, run p50/p99 %s, hop %s", n, r.get("steps_per_s"), r.get("run_latency"),
                    r.get("hop_latency"));
        }
        results.put("w1", w1);
        if ("w1".equals(System.getProperty("bench.only"))) { // quick A/B of a server setting: W1, costs, profile
            stopServer();
            Map<String, Object> top = w1.get(w1.size() - 1);
            Map<String, Object> h = (Map<String, Object>) top.get("hibernate");
            double steps = 5.0 * ((Number) top.get("runs_completed")).longValue();
            Map<String, Object> per = new LinkedHashMap<>();
            h.forEach((k, v) -> per.put(k, Stats.round(((Number) v).doubleValue() / steps)));
            results.put("per_step_hibernate", per);
            results.put("profile_w1_128", Profile.analyse(out.resolve("w1-128.jfr")));
            results.put("server_opts", System.getProperty("bench.server.opts", ""));
            Files.writeString(out.resolve("results-w1.json"), json.writeValueAsString(results));
            System.out.println(json.writeValueAsString(results));
            return;
        }

        // heap after GC across 3 W1 rounds at 128 in flight
        if (!quick()) {
            results.put("heap_after_gc_bytes", heapRounds(measure));
        }

        // B1 floor
        List<Map<String, Object>> b1 = new ArrayList<>();
        for (int n : levels()) {
            Map<String, Object> r = control("b1", "chains", n, "warmup_ms", 3000, "measure_ms", measure * 2 / 3);
            b1.add(r);
            log("B1 @%d: %s hops/s, hop %s", n, r.get("hops_per_s"), r.get("hop_latency"));
        }
        results.put("b1", b1);

        if (!quick()) {
            rest(warm, measure);
        }

        Map<String, Object> stats = control("statistics");
        results.put("hibernate_totals", stats);
        stopServer();

        // B2 peer, with the machine to itself like the server had
        results.put("b2", dbosPeer(warm, measure));

        results.put("profile_w1_128", Profile.analyse(out.resolve("w1-128.jfr")));
        results.put("total_seconds", Stats.round((System.nanoTime() - t0) / 1e9));
        Report report = new Report(results);
        results.put("derived", report.derived());
        // the gate's numbers at the top, where a script finds them
        results.put("w1_over_b1_at_128", report.derived().get("w1_over_b1"));
        results.put("w1_over_b2_at_128", report.derived().get("w1_over_b2"));
        results.put("w1_run_p50_ms_at_1", report.derived().get("w1_1_run_p50_ms"));
        results.put("mode", quick() ? "quick" : "full");
        Files.writeString(out.resolve("results.json"), json.writeValueAsString(results));
        String table = report.table();
        Files.writeString(out.resolve("results.txt"), table);
        System.out.println(table);
        if (!quick()) {
            Chart.write(results, out.resolve("chart.png"));
        }
        System.out.println("results: " + out.resolve("results.json") + (quick() ? "" : "\nchart:   " + out.resolve("chart.png")));
    }

    List<Object> heapRounds(long measure) throws Exception {
        List<Object> heap = new ArrayList<>();
        heap.add(control("heap").get("heap_used_after_gc"));
        for (int round = 2; round <= 3; round++) {
            control("loop", "workflow", LINEAR, "in_flight", 128, "warmup_ms", 1000, "measure_ms", measure, "statistics",
                    false);
            heap.add(control("heap").get("heap_used_after_gc"));
        }
        log("heap after GC per W1 round: %s", heap);
        return heap;
    }

    /** W2, W3 and W4: the full run's other workloads. */
    void rest(long warm, long measure) throws Exception {
        // W2 fan-out / fan-in
        Map<String, Object> w2 = control("loop", "workflow", FANOUT, "in_flight", 16, "warmup_ms", warm,
                "measure_ms", measure, "statistics", false);
        w2.put("join_latency", joinLatency(w2));
        results.put("w2", w2);
        log("W2 @16: %s runs/s, join %s", w2.get("runs_per_s"), w2.get("join_latency"));

        // W3 start rate: EJB and REST, measured as W3 alone measures it (CPU per start and a profile of each window)
        Map<String, Object> w3 = startRates(warm, measure * 2 / 3);
        results.put("w3", w3);
        results.put("w3_rest_over_ejb", w3.get("rest_over_ejb"));

        // W4 cost growth
        results.put("w4", historyGrowth());

        // W5 cost growth with the run's own history (its context)
        Map<String, Object> w5 = contextGrowth(warm, measure);
        results.put("w5", w5);
        results.put("w5_cost_ratio_long_over_short", w5.get("cost_per_step_ratio_long_over_short"));
    }

    /**
     * W5: runs of 5 and of 50 steps whose every step adds 1 KiB to the context, 16 in flight each, one after the
     * other on the same server. A step's cost is the inverse of the steps completed per second in the window (counted
     * in the database, so runs straddling the window's edges count only their steps inside it); the ratio long over
     * short is 1.0 when the cost of a step does not grow with the run's history.
     */
    Map<String, Object> contextGrowth(long warm, long measure) throws Exception {
        Map<String, Object> w5 = new LinkedHashMap<>();
        double shortRate = 0;
        double longRate = 0;
        for (String workflow : List.of(GROW_SHORT, GROW_LONG)) {
            Map<String, Object> r = control("loop", "workflow", workflow, "in_flight", 16, "warmup_ms", warm,
                    "measure_ms", measure, "statistics", true);
            long steps = stepsInWindow(workflow, r);
            double rate = steps / (measure / 1000.0);
            r.put("steps_in_window", steps);
            r.put("steps_per_s", Stats.round(rate));
            Map<?, ?> h = (Map<?, ?>) r.get("hibernate");
            if (steps > 0 && h != null) {
                r.put("sql_statements_per_step", Stats.round(((Number) h.get("PrepareStatementCount")).doubleValue() / steps));
            }
            r.remove("hibernate");
            // what a step costs where the context is large: claim to recorded outcome of the run's last steps
            int last = workflow.equals(GROW_SHORT) ? 5 : 50;
            r.put("attempt_ms_last_4_steps", attemptTimes(workflow, last - 3, r));
            w5.put(workflow, r);
            log("W5 %s @16: %s steps/s, %s SQL statements per step", workflow, r.get("steps_per_s"),
                    r.get("sql_statements_per_step"));
            if (workflow.equals(GROW_SHORT)) {
                shortRate = rate;
            } else {
                longRate = rate;
            }
            awaitIdle();
        }
        w5.put("cost_per_step_ratio_long_over_short", longRate > 0 ? Stats.round(shortRate / longRate) : null);
        double shortP50 = ((Number) ((Map<?, ?>) ((Map<?, ?>) w5.get(GROW_SHORT)).get("attempt_ms_last_4_steps")).get("p50_ms")).doubleValue();
        double longP50 = ((Number) ((Map<?, ?>) ((Map<?, ?>) w5.get(GROW_LONG)).get("attempt_ms_last_4_steps")).get("p50_ms")).doubleValue();
        w5.put("late_attempt_p50_ratio_long_over_short", shortP50 > 0 ? Stats.round(longP50 / shortP50) : null);
        return w5;
    }

    /**
     * Claim-to-outcome times of the steps numbered {@code fromStep} and later (s2..s5 of a 5-step run, s47..s50 of a
     * 50-step one: 4 to 5 KiB of context against 46 to 50 KiB) of the workflow's runs started in the window.
     */
    Map<String, Object> attemptTimes(String workflow, int fromStep, Map<String, Object> window) throws SQLException {
        return percentiles("""
                SELECT EXTRACT(EPOCH FROM (a.updated_at - a.inserted_at)) * 1000
                FROM squid_mesh_runs r
                JOIN squid_mesh_step_runs sr ON sr.run_id = r.id
                JOIN squid_mesh_step_attempts a ON a.step_run_id = sr.id AND a.status = 'completed'
                WHERE r.inserted_at BETWEEN ? AND ? AND r.workflow = '%s'
                  AND CASE WHEN sr.step ~ '^s[0-9]+$' THEN CAST(SUBSTRING(sr.step FROM 2) AS integer) ELSE 0 END >= %d"""
                .formatted(workflow, fromStep), window);
    }

    /** Step attempts of the workflow's runs that completed inside the loop's measured window. */
    long stepsInWindow(String workflow, Map<String, Object> window) throws SQLException {
        try (Connection c = pg(); PreparedStatement s = c.prepareStatement("""
                SELECT COUNT(*) FROM squid_mesh_step_attempts a
                JOIN squid_mesh_step_runs sr ON sr.id = a.step_run_id
                JOIN squid_mesh_runs r ON r.id = sr.run_id
                WHERE r.workflow = ? AND a.status = 'completed' AND a.updated_at BETWEEN ? AND ?""")) {
            s.setString(1, workflow);
            s.setTimestamp(2, new Timestamp(((Number) window.get("window_start_ms")).longValue()));
            s.setTimestamp(3, new Timestamp(((Number) window.get("window_end_ms")).longValue()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- deployment

    void buildEar() throws IOException {
        buildEar(home.resolve("standalone/deployments"));
    }

    void buildEar(Path deployments) throws IOException {
        try (Stream<Path> files = Files.list(deployments)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("squidmesh.ear")).toList()) {
                Files.delete(p);
            }
        }
        byte[] ejb = module(Map.of(
                "META-INF/beans.xml", "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>",
                "META-INF/ejb-jar.xml", "<ejb-jar xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\"/>",
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nDependencies: org.hibernate\n"),
                "io/squidmesh/bench/server/", "");
        byte[] war = module(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"),
                "io/squidmesh/bench/web/", "WEB-INF/classes/");
        Path target = deployments.resolve("squidmesh.ear");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(ear));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("META-INF/application.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("</application>",
                            "  <module>\n    <ejb>squidmesh-bench.jar</ejb>\n  </module>\n"
                                    + "  <module>\n    <web>\n      <web-uri>squidmesh-bench.war</web-uri>\n"
                                    + "      <context-root>/squidmesh-bench</context-root>\n    </web>\n  </module>\n"
                                    + "</application>").getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("squidmesh-bench.jar"));
            zip.write(ejb);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("squidmesh-bench.war"));
            zip.write(war);
            zip.closeEntry();
        }
        log("bench EAR: %s", target);
    }

    private byte[] module(Map<String, String> texts, String packageDir, String prefix) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> t : texts.entrySet()) {
                zip.putNextEntry(new ZipEntry(t.getKey()));
                zip.write(t.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            try (Stream<Path> files = Files.walk(classes.resolve(packageDir))) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    zip.putNextEntry(new ZipEntry(prefix + classes.relativize(p).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(p));
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    void prepareDatabase() throws SQLException {
        try (Connection c = pg(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_b1 (chain integer PRIMARY KEY, hops bigint NOT NULL,"
                    + " updated_at timestamp with time zone)");
            s.execute("INSERT INTO bench_b1 SELECT g, 0, now() FROM generate_series(0, 1023) g ON CONFLICT DO NOTHING");
        }
    }

    // ---------------------------------------------------------------- server

    void startServer() throws Exception {
        Path log = out.resolve("server-console.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c",
                "standalone-full.xml");
        builder.environment().put("JAVA_OPTS", "-Xms1g -Xmx1g -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true"
                + " -XX:StartFlightRecording=name=continuous,settings=default,dumponexit=true,filename="
                + out.resolve("server.jfr") + " " + System.getProperty("bench.server.opts", ""));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                Map<String, Object> ping = control("ping");
                serverPid = ((Number) ping.get("pid")).longValue();
                log("server up (pid %d, %s workflows)", serverPid, ping.get("workflows"));
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bench endpoint did not answer in 240 s; see " + log, e);
                }
                Thread.sleep(1000);
            }
        }
    }

    void stopServer() {
        if (server == null) {
            return;
        }
        List<ProcessHandle> jvms = server.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
        jvms.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(90, TimeUnit.SECONDS);
            }
            server.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            jvms.forEach(ProcessHandle::destroyForcibly);
        }
        server = null;
        log("server stopped");
    }

    void jcmd(String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(String.valueOf(serverPid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            log("jcmd %s failed: %s", String.join(" ", command), output);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> control(String op, Object... params) throws Exception {
        return control(8080, op, params);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> control(int port, String op, Object... params) throws Exception {
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + port + "/squidmesh-bench/control?op=").append(op);
        for (int i = 0; i < params.length; i += 2) {
            url.append('&').append(params[i]).append('=').append(params[i + 1]);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(op + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readValue(response.body(), LinkedHashMap.class);
    }

    // ---------------------------------------------------------------- W1/W2 latencies from persisted timestamps

    Connection pg() throws SQLException {
        return DriverManager.getConnection(pgUrl, pgUser, pgPassword);
    }

    /**
     * Hop latency, enqueue → perform: for step s(k), the claim of its first attempt minus the moment step s(k-1)
     * completed and enqueued it (for s1, the moment the run was started). Both are the engine's own timestamps,
     * written inside the transactions that enqueue and claim, so a hop includes the commit, the broker and the MDB.
     */
    Map<String, Object> hopLatency(Map<String, Object> window) throws SQLException {
        return percentiles("""
                SELECT EXTRACT(EPOCH FROM (a.inserted_at - COALESCE(prev.updated_at, r.inserted_at))) * 1000
                FROM squid_mesh_runs r
                JOIN squid_mesh_step_runs sr ON sr.run_id = r.id
                JOIN squid_mesh_step_attempts a ON a.step_run_id = sr.id AND a.attempt_number = 1
                LEFT JOIN squid_mesh_step_runs prev ON prev.run_id = r.id
                     AND prev.step = 's' || (CAST(SUBSTRING(sr.step FROM 2) AS integer) - 1)
                WHERE r.workflow = 'bench_linear' AND r.status = 'completed' AND r.inserted_at BETWEEN ? AND ?""", window);
    }

    /** Join latency: the join's claim minus the completion of the last of its ten roots. */
    Map<String, Object> joinLatency(Map<String, Object> window) throws SQLException {
        return percentiles("""
                SELECT EXTRACT(EPOCH FROM (a.inserted_at - (SELECT MAX(root.updated_at) FROM squid_mesh_step_runs root
                                                            WHERE root.run_id = r.id AND root.step <> 'join'))) * 1000
                FROM squid_mesh_runs r
                JOIN squid_mesh_step_runs j ON j.run_id = r.id AND j.step = 'join'
                JOIN squid_mesh_step_attempts a ON a.step_run_id = j.id AND a.attempt_number = 1
                WHERE r.workflow = 'bench_fanout' AND r.status = 'completed' AND r.inserted_at BETWEEN ? AND ?""", window);
    }

    private Map<String, Object> percentiles(String sql, Map<String, Object> window) throws SQLException {
        List<Double> samples = new ArrayList<>();
        try (Connection c = pg(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, new Timestamp(((Number) window.get("window_start_ms")).longValue()));
            s.setTimestamp(2, new Timestamp(((Number) window.get("window_end_ms")).longValue()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    samples.add(rs.getDouble(1));
                }
            }
        }
        return Stats.summary(samples);
    }

    void awaitIdle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (Connection c = pg(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM squid_mesh_runs WHERE status IN ('pending','running','retrying')")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        log("runs still in flight after 120 s");
    }

    // ---------------------------------------------------------------- W3 through REST

    /**
     * W3: starts through the EJB, then through REST, 8 callers each, each path warmed up first, with the CPU each process used per start
     * (server, PostgreSQL, this driver, which is REST's client) and a JFR profile of the server in each window.
     */
    Map<String, Object> startRates(long warm, long measure) throws Exception {
        Map<String, Object> w3 = new LinkedHashMap<>();
        for (String mode : List.of("ejb", "rest")) {
            // each path warmed on its own first: measured cold, the first one pays for the server's JIT
            startRate(mode, warm);
            awaitIdle();
            Map<String, Long> before = startCpu();
            jcmd("JFR.start", "name=w3" + mode, "settings=profile");
            Map<String, Object> r = startRate(mode, measure);
            Path recording = out.resolve("w3-" + mode + ".jfr");
            jcmd("JFR.dump", "name=w3" + mode, "filename=" + recording);
            jcmd("JFR.stop", "name=w3" + mode);
            Map<String, Long> after = startCpu();
            long calls = ((Number) r.get("calls")).longValue();
            Map<String, Object> cpuMsPerStart = new LinkedHashMap<>();
            for (String k : after.keySet()) {
                // USER_HZ is 100 on Linux: one tick is 10 ms
                cpuMsPerStart.put(k, Stats.round(10.0 * (after.get(k) - before.get(k)) / Math.max(1, calls)));
            }
            r.put("cpu_ms_per_start", cpuMsPerStart);
            r.put("profile", Profile.analyse(recording));
            w3.put(mode, r);
            log("W3 %s: %s starts/s, cpu ms per start %s", mode, r.get("calls_per_s"), cpuMsPerStart);
            awaitIdle();
        }
        w3.put("rest_over_ejb", Stats.round(((Number) map(w3.get("rest")).get("calls_per_s")).doubleValue()
                / ((Number) map(w3.get("ejb")).get("calls_per_s")).doubleValue()));
        return w3;
    }

    /** W3's callers, 8 of them, for {@code millis}: through the EJB in the server, or through REST from here. */
    private Map<String, Object> startRate(String mode, long millis) throws Exception {
        return mode.equals("ejb") ? control("start_rate", "workflow", START, "threads", 8, "measure_ms", millis)
                : restStartRate(8, millis);
    }

    private Map<String, Long> startCpu() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("server", ClusterBench.ticks(serverPid));
        ticks.put("postgres", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("postgres"))
                .mapToLong(p -> ClusterBench.ticks(p.pid())).sum());
        ticks.put("driver", ClusterBench.ticks(ProcessHandle.current().pid()));
        ticks.put("machine_total", ClusterBench.machineTicks());
        return ticks;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    Map<String, Object> restStartRate(int threads, long millis) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("operator:operator-pass1!".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/squidmesh/api/runs"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workflow\":\"" + START + "\",\"payload\":{}}")).build();
        for (int i = 0; i < 50; i++) { // warm-up
            rest.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> loops = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            loops.add(pool.submit(() -> {
                long ok = 0, errors = 0;
                while (System.nanoTime() < deadline) {
                    int status = rest.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 201) {
                        ok++;
                    } else {
                        errors++;
                    }
                }
                return new long[] {ok, errors};
            }));
        }
        long ok = 0, errors = 0;
        for (Future<long[]> f : loops) {
            ok += f.get()[0];
            errors += f.get()[1];
        }
        pool.shutdown();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("threads", threads);
        r.put("http", restHttp);
        r.put("calls", ok);
        r.put("errors", errors);
        r.put("seconds", millis / 1000.0);
        r.put("calls_per_s", Stats.round(ok / (millis / 1000.0)));
        return r;
    }

    // ---------------------------------------------------------------- W4

    Map<String, Object> historyGrowth() throws Exception {
        Map<String, Object> w4 = new LinkedHashMap<>();
        long small = 10_000;
        long existing = countRuns();
        if (existing < small) {
            bulkLoad(0, small - existing);
        }
        analyze();
        Map<String, Object> atSmall = control("reads", "workflow", LINEAR, "repetitions", 40);
        atSmall.put("stored_runs", countRuns());
        w4.put("small", atSmall);
        log("W4 at %s runs: %s", atSmall.get("stored_runs"), atSmall);
        long have = countRuns();
        long t0 = System.nanoTime();
        if (have < historyRuns) {
            bulkLoad(small, historyRuns - have);
        }
        analyze();
        w4.put("bulk_load_seconds", Stats.round((System.nanoTime() - t0) / 1e9));
        Map<String, Object> atLarge = control("reads", "workflow", LINEAR, "repetitions", 40);
        atLarge.put("stored_runs", countRuns());
        w4.put("large", atLarge);
        log("W4 at %s runs: %s", atLarge.get("stored_runs"), atLarge);
        return w4;
    }

    long countRuns() throws SQLException {
        try (Connection c = pg(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM squid_mesh_runs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void analyze() throws SQLException {
        try (Connection c = pg(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE squid_mesh_runs");
            s.execute("VACUUM ANALYZE squid_mesh_step_runs");
            s.execute("VACUUM ANALYZE squid_mesh_step_attempts");
        }
    }

    /**
     * Bulk history straight into the engine's tables: terminal runs of the bench workflows (one step run and one
     * attempt each), older than the runs the benchmark made, spread over three workflows and two statuses.
     */
    void bulkLoad(long offset, long count) throws SQLException {
        long chunk = 250_000;
        try (Connection c = pg()) {
            for (long from = offset; from < offset + count; from += chunk) {
                long to = Math.min(offset + count, from + chunk) - 1;
                long t0 = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    String g = "generate_series(" + from + ", " + to + ") g";
                    s.execute("INSERT INTO squid_mesh_runs (id, workflow, trigger, status, input, context, current_step,"
                            + " inserted_at, updated_at) SELECT md5('run' || g)::uuid,"
                            + " (ARRAY['bench_linear','bench_fanout','bench_start'])[1 + g % 3],"
                            + " (ARRAY['bench_linear','bench_fanout','bench_start'])[1 + g % 3],"
                            + " CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'completed' END, '{}'::jsonb, '{}'::jsonb, 's1',"
                            + " now() - interval '1 day' - g * interval '1 second',"
                            + " now() - interval '1 day' - g * interval '1 second' FROM " + g);
                    s.execute("INSERT INTO squid_mesh_step_runs (id, run_id, step, status, input, output, inserted_at, updated_at)"
                            + " SELECT md5('step' || g)::uuid, md5('run' || g)::uuid, 's1',"
                            + " CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'completed' END, '{}'::jsonb, '{}'::jsonb,"
                            + " now() - interval '1 day' - g * interval '1 second',"
                            + " now() - interval '1 day' - g * interval '1 second' FROM " + g);
                    s.execute("INSERT INTO squid_mesh_step_attempts (id, step_run_id, attempt_number, status, inserted_at, updated_at)"
                            + " SELECT md5('attempt' || g)::uuid, md5('step' || g)::uuid, 1,"
                            + " CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'completed' END,"
                            + " now() - interval '1 day' - g * interval '1 second',"
                            + " now() - interval '1 day' - g * interval '1 second' FROM " + g);
                }
                log("bulk history: runs %d..%d loaded in %.1f s", from, to, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    // ---------------------------------------------------------------- B2

    Map<String, Object> dbosPeer(long warm, long measure) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", System.getenv().getOrDefault("PGPASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbosDatabase + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + dbosDatabase + " OWNER " + pgUser);
        }
        String url = pgUrl.substring(0, pgUrl.lastIndexOf('/') + 1) + dbosDatabase;
        // DBOS polls its queue table; the default interval (1 s) bounds latency at about a second, so the peer
        // runs tuned (bench.dbos.polling.ms, 50 ms) at every level, and with its default at the top level only
        long pollingMs = Long.getLong("bench.dbos.polling.ms", 50);
        Map<String, Object> b2 = new LinkedHashMap<>();
        List<Map<String, Object>> levels = new ArrayList<>();
        try (DbosPeer peer = new DbosPeer(url, pgUser, pgPassword, Duration.ofMillis(pollingMs))) {
            for (int n : levels()) {
                Map<String, Object> r = peer.loop(n, warm, measure);
                levels.add(r);
                log("B2 DBOS (queue polling %d ms) @%d: %s steps/s, run %s", pollingMs, n, r.get("steps_per_s"),
                        r.get("run_latency"));
            }
        }
        b2.put("polling_ms", pollingMs);
        b2.put("levels", levels);
        if (quick()) {
            return b2;
        }
        try (DbosPeer peer = new DbosPeer(url, pgUser, pgPassword, null)) {
            int n = LEVELS[LEVELS.length - 1];
            Map<String, Object> r = peer.loop(n, warm, measure);
            b2.put("default_polling", r);
            log("B2 DBOS (default queue polling %d ms) @%d: %s steps/s, run %s", peer.polling.toMillis(), n,
                    r.get("steps_per_s"), r.get("run_latency"));
        }
        return b2;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
