package io.squidmesh.bench.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ratios, per-step costs, targets (PASS/MISS, never a build failure) and the printed table. */
@SuppressWarnings("unchecked")
final class Report {

    private final Map<String, Object> r;
    private final Map<String, Object> d = new LinkedHashMap<>();

    Report(Map<String, Object> results) {
        this.r = results;
        derive();
    }

    Map<String, Object> derived() {
        return d;
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) r.get(key);
    }

    private Map<String, Object> level(List<Map<String, Object>> rows, String key, int n) {
        return rows.stream().filter(x -> num(x.get(key)) == n).findFirst().orElse(Map.of());
    }

    private List<Map<String, Object>> b2() {
        Object b2 = r.get("b2");
        return b2 == null ? List.of() : (List<Map<String, Object>>) map(b2).get("levels");
    }

    private void derive() {
        Map<String, Object> w1top = level(list("w1"), "in_flight", 128);
        double w1 = num(w1top.get("steps_per_s"));
        double b1 = num(level(list("b1"), "chains", 128).get("hops_per_s"));
        double b2 = num(level(b2(), "in_flight", 128).get("steps_per_s"));
        d.put("w1_128_steps_per_s", w1);
        d.put("b1_128_hops_per_s", b1);
        d.put("b2_128_steps_per_s", b2);
        d.put("w1_over_b1", Stats.round(w1 / b1));
        d.put("w1_over_b2", Stats.round(w1 / b2));
        double hop1 = num(map(level(list("w1"), "in_flight", 1).get("hop_latency")).get("p50_ms"));
        d.put("w1_1_hop_p50_ms", hop1);
        d.put("w1_1_run_p50_ms", num(map(level(list("w1"), "in_flight", 1).get("run_latency")).get("p50_ms")));

        Map<String, Object> h = map(w1top.get("hibernate"));
        double steps = 5 * num(w1top.get("runs_completed"));
        if (h != null && steps > 0) {
            Map<String, Object> per = new LinkedHashMap<>();
            h.forEach((k, v) -> per.put(k, Stats.round(num(v) / steps)));
            d.put("per_step_hibernate", per);
            double statements = num(h.get("PrepareStatementCount")) / steps;
            double tx = num(h.get("TransactionCount")) / steps;
            d.put("per_step_sql_statements", Stats.round(statements));
            d.put("per_step_transactions", Stats.round(tx));
            // every engine transaction is XA over PostgreSQL and Artemis: two-phase, so PREPARE TRANSACTION and
            // COMMIT PREPARED are two more round trips each; JDBC batching can only lower the statement part
            d.put("per_step_db_round_trips_est", Stats.round(statements + 2 * tx));
        }

        Map<String, Object> w4 = map(r.get("w4"));
        if (w4 != null) {
            d.put("w4_ratio_large_over_small", w4Ratios(w4));
        }
        List<Object> heap = (List<Object>) r.getOrDefault("heap_after_gc_bytes", List.of());
        double first = heap.isEmpty() ? Double.NaN : num(heap.get(0)), last = heap.isEmpty() ? Double.NaN : num(heap.get(heap.size() - 1));
        double max = heap.stream().mapToDouble(Report::num).max().orElse(0);
        boolean steady = last <= first * 1.10 && max <= first * 1.15;

        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("W1@128 >= 0.5 x B1", verdict(w1 >= 0.5 * b1, Stats.round(w1 / b1) + " x"));
        targets.put("W1@128 >= 300 steps/s", verdict(w1 >= 300, w1 + " steps/s"));
        targets.put("hop p50 <= 20 ms at 1 in flight", verdict(hop1 <= 20, hop1 + " ms"));
        double pageRatio = w4 == null ? Double.NaN : num(map(d.get("w4_ratio_large_over_small")).get("list_page1_ms"));
        targets.put("W4 page time 1M/10k <= 1.5", verdict(pageRatio <= 1.5, pageRatio + " x"));
        double byWorkflow = w4 == null ? Double.NaN : num(map(d.get("w4_ratio_large_over_small")).get("list_by_workflow_ms"));
        targets.put("W4 workflow-filtered page 1M/10k <= 1.5", verdict(byWorkflow <= 1.5, byWorkflow + " x"));
        double w5 = r.get("w5_cost_ratio_long_over_short") == null ? Double.NaN : num(r.get("w5_cost_ratio_long_over_short"));
        targets.put("W5 cost per step, 50-step runs / 5-step runs <= 1.2", verdict(w5 <= 1.2, w5 + " x"));
        targets.put("heap steady over 3 W1 rounds", verdict(steady, heap.stream().map(b -> (num(b) / 1048576 > 0
                ? Math.round(num(b) / 1048576) + " MiB" : "?")).toList().toString()));
        d.put("targets", targets);
    }

    /** W4: each read's median at the large history over that at the small one (1.0 = no growth). */
    static Map<String, Object> w4Ratios(Map<String, Object> w4) {
        Map<String, Object> small = map(w4.get("small")), large = map(w4.get("large"));
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String k : List.of("list_page1_ms", "list_page2_ms", "list_by_workflow_ms", "list_by_status_ms",
                "inspect_history_ms")) {
            ratios.put(k, Stats.round(num(large.get(k)) / num(small.get(k))));
        }
        return ratios;
    }

    /** The W4 rows: median ms at both history sizes and their ratio. */
    static String w4Table(Map<String, Object> w4) {
        Map<String, Object> s = map(w4.get("small")), l = map(w4.get("large")), ratio = w4Ratios(w4);
        StringBuilder t = new StringBuilder(String.format("%nW4 cost growth (median ms)        %12s %12s %8s%n",
                s.get("stored_runs") + " runs", l.get("stored_runs") + " runs", "ratio"));
        for (String k : ratio.keySet()) {
            t.append(String.format("  %-32s %12s %12s %8s%n", k, s.get(k), l.get(k), ratio.get(k)));
        }
        return t.append(String.format("  (bulk load took %s s)%n", w4.get("bulk_load_seconds"))).toString();
    }

    private static String verdict(boolean pass, String value) {
        return (pass ? "PASS" : "MISS") + " (" + value + ")";
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append("\n================ Squid Mesh benchmarks (WildFly 39, PostgreSQL XA, embedded Artemis) ================\n");
        t.append(String.format("%-34s %8s %12s %12s %12s %12s %12s%n", "workload", "in flight", "per second",
                "run p50 ms", "run p99 ms", "hop p50 ms", "hop p99 ms"));
        for (Map<String, Object> x : list("w1")) {
            t.append(row("W1 linear 5 steps (steps/s)", x.get("in_flight"), x.get("steps_per_s"), map(x.get("run_latency")),
                    map(x.get("hop_latency"))));
        }
        for (Map<String, Object> x : list("b1")) {
            t.append(row("B1 MDB chain floor (hops/s)", x.get("chains"), x.get("hops_per_s"), null, map(x.get("hop_latency"))));
        }
        for (Map<String, Object> x : b2()) {
            t.append(row("B2 DBOS Transact 5 steps (steps/s)", x.get("in_flight"), x.get("steps_per_s"),
                    map(x.get("run_latency")), null));
        }
        Object b2default = r.get("b2") == null ? null : map(r.get("b2")).get("default_polling");
        if (b2default != null) {
            Map<String, Object> x = map(b2default);
            t.append(row("B2 DBOS, default 1 s queue polling", x.get("in_flight"), x.get("steps_per_s"),
                    map(x.get("run_latency")), null));
        }
        t.append("   (B2 rows above it: DBOS queue polling " + (r.get("b2") == null ? "?" : map(r.get("b2")).get("polling_ms"))
                + " ms; B1 hop = JMSTimestamp at send -> onMessage)\n");
        Map<String, Object> w2 = map(r.get("w2"));
        if (w2 != null) {
            t.append(row("W2 fan-out 10 + join (runs/s)", w2.get("in_flight"), w2.get("runs_per_s"), map(w2.get("run_latency")),
                    map(w2.get("join_latency"))));
            t.append("   (W2 hop columns = join latency: join claimed - last root completed)\n");
        }
        Map<String, Object> w3 = map(r.get("w3"));
        if (w3 != null) {
            t.append(String.format("%-34s %8s %12s%n", "W3 startRun via EJB (calls/s)", map(w3.get("ejb")).get("threads"),
                    map(w3.get("ejb")).get("calls_per_s")));
            t.append(String.format("%-34s %8s %12s  errors %s%n", "W3 POST /api/runs (calls/s)", map(w3.get("rest")).get("threads"),
                    map(w3.get("rest")).get("calls_per_s"), map(w3.get("rest")).get("errors")));
            t.append(String.format("   (REST/EJB = %s; CPU ms per start, EJB %s, REST %s)%n", w3.get("rest_over_ejb"),
                    map(w3.get("ejb")).get("cpu_ms_per_start"), map(w3.get("rest")).get("cpu_ms_per_start")));
        }
        Map<String, Object> w4 = map(r.get("w4"));
        if (w4 != null) {
            t.append(w4Table(w4));
        }
        t.append(String.format("%nRatios at 128 in flight: W1/B1 = %s   W1/B2 = %s;   W1 run p50 at 1 in flight: %s ms%n",
                d.get("w1_over_b1"), d.get("w1_over_b2"), d.get("w1_1_run_p50_ms")));
        t.append(String.format("Per step (W1@128 window, Hibernate statistics): SQL statements %s, transactions %s,"
                        + " DB round trips (est.) %s%n   all counters per step: %s%n", d.get("per_step_sql_statements"),
                d.get("per_step_transactions"), d.get("per_step_db_round_trips_est"), d.get("per_step_hibernate")));
        t.append("Heap after GC per W1 round (bytes): ").append(r.get("heap_after_gc_bytes")).append('\n');
        Map<String, Object> p = map(r.get("profile_w1_128"));
        if (p != null) {
            t.append("\nProfile of the server during W1@128 (JFR execution samples: ").append(p.get("samples")).append(")\n");
            t.append("  by layer (innermost known frame), %:\n");
            map(p.get("by_layer_pct")).forEach((k, v) -> t.append(String.format("    %6s  %s%n", v, k)));
            t.append("  top leaf frames, %:\n");
            map(p.get("top_leaf_frames_pct")).forEach((k, v) -> t.append(String.format("    %6s  %s%n", v, k)));
            t.append("  innermost engine frame, %:\n");
            map(p.get("innermost_engine_frame_pct")).forEach((k, v) -> t.append(String.format("    %6s  %s%n", v, k)));
        }
        t.append("\nTargets (reported, never enforced):\n");
        map(d.get("targets")).forEach((k, v) -> t.append(String.format("  %-40s %s%n", k, v)));
        t.append("Total benchmark time: ").append(r.get("total_seconds")).append(" s\n");
        return t.toString();
    }

    private static String row(String name, Object n, Object rate, Map<String, Object> run, Map<String, Object> hop) {
        return String.format("%-34s %8s %12s %12s %12s %12s %12s%n", name, n, rate,
                run == null ? "-" : run.get("p50_ms"), run == null ? "-" : run.get("p99_ms"),
                hop == null ? "-" : hop.get("p50_ms"), hop == null ? "-" : hop.get("p99_ms"));
    }
}
