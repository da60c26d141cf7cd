package io.squidmesh.bench.server;

import io.squidmesh.Roles;
import io.squidmesh.Run;
import io.squidmesh.RunPage;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMesh;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The in-server half of the benchmark driver: closed-loop workloads through the public {@link SquidMesh} API
 * (as the operator, like a host application's own code would call it), the B1 chain, the W4 read timings,
 * Hibernate statistics and the heap. Called by {@code BenchServlet}; every call runs outside a transaction,
 * so each engine call is its own.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Roles.OPERATOR, Roles.VIEWER})
@RunAs(Roles.OPERATOR)
@PermitAll
public class BenchControl {

    private static final String[] STATISTICS = {"PrepareStatementCount", "TransactionCount", "SuccessfulTransactionCount",
            "QueryExecutionCount", "EntityLoadCount", "EntityFetchCount", "EntityInsertCount", "EntityUpdateCount",
            "EntityDeleteCount", "FlushCount", "ConnectCount", "SessionOpenCount"};

    @EJB
    SquidMesh api;

    @Inject
    RunTracker tracker;

    @PersistenceUnit(unitName = "squidmesh")
    EntityManagerFactory emf;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = B1Hop.QUEUE)
    Queue b1Queue;

    @Resource
    SessionContext session;

    /**
     * Keeps {@code inFlight} runs of {@code workflow} in flight: warm-up, then a measured window, then waits for
     * the runs still in flight to finish. With {@code statistics}, Hibernate statistics cover the window only.
     */
    public Map<String, Object> loop(String workflow, int inFlight, long warmupMillis, long measureMillis,
                                    boolean statistics) throws InterruptedException {
        tracker.reset(inFlight, workflow);
        long begin = System.nanoTime();
        long warmEnd = begin + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long end = warmEnd + TimeUnit.MILLISECONDS.toNanos(measureMillis);
        boolean inWindow = false;
        long windowStartWall = 0;
        Map<String, Long> before = null;
        long started = 0;
        while (true) {
            long now = System.nanoTime();
            if (!inWindow && now >= warmEnd) {
                inWindow = true;
                if (statistics) {
                    before = statistics();
                }
                tracker.measuring(true);
                windowStartWall = System.currentTimeMillis();
            }
            if (now >= end) {
                break;
            }
            if (!tracker.permits().tryAcquire(20, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long t0 = System.nanoTime();
            Run run = api.startRun(workflow, Map.of());
            tracker.started(run.id().toString(), t0);
            started++;
        }
        tracker.measuring(false);
        long windowEndWall = System.currentTimeMillis();
        Map<String, Long> after = statistics ? statistics() : null;
        long completed = tracker.completed();
        long failed = tracker.failed();
        Map<String, Object> latency = tracker.latencySummary();
        long drainStart = System.nanoTime();
        while (tracker.inFlight() > 0 && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(120)) {
            Thread.sleep(20);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflow", workflow);
        out.put("in_flight", inFlight);
        out.put("started", started);
        out.put("runs_completed", completed);
        out.put("runs_failed", failed);
        out.put("seconds", measureMillis / 1000.0);
        out.put("runs_per_s", Latencies.round(completed / (measureMillis / 1000.0)));
        out.put("run_latency", latency);
        out.put("window_start_ms", windowStartWall);
        out.put("window_end_ms", windowEndWall);
        out.put("left_in_flight_after_drain", tracker.inFlight());
        if (statistics) {
            Map<String, Object> delta = new LinkedHashMap<>();
            before.forEach((k, v) -> delta.put(k, after.get(k) - v));
            out.put("hibernate", delta);
        }
        tracker.reset(0, null);
        return out;
    }

    /** B1: {@code chains} message chains hop through the bench queue; hops per second in the window. */
    public Map<String, Object> b1(int chains, long warmupMillis, long measureMillis) throws InterruptedException {
        B1State.running = true;
        B1State.measuring = false;
        B1State.hops.set(0);
        B1State.ended.set(0);
        B1State.latencies.clear();
        for (int i = 0; i < chains; i++) {
            jms.createProducer().setProperty("chain", i).send(b1Queue, "hop");
        }
        Thread.sleep(warmupMillis);
        B1State.measuring = true;
        Thread.sleep(measureMillis);
        B1State.measuring = false;
        long hops = B1State.hops.get();
        Map<String, Object> latency = B1State.latencies.summary();
        B1State.running = false;
        long drainStart = System.nanoTime();
        while (B1State.ended.get() < chains && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(20);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chains", chains);
        out.put("hops", hops);
        out.put("seconds", measureMillis / 1000.0);
        out.put("hops_per_s", Latencies.round(hops / (measureMillis / 1000.0)));
        out.put("hop_latency", latency);
        out.put("chains_ended", B1State.ended.get());
        return out;
    }

    /** W3 through the EJB: {@code threads} callers start runs back to back for {@code millis}. */
    public Map<String, Object> startRate(String workflow, int threads, long millis) throws Exception {
        BenchControl self = session.getBusinessObject(BenchControl.class);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Future<Long>> loops = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            loops.add(self.startLoop(workflow, deadline));
        }
        long calls = 0;
        for (Future<Long> loop : loops) {
            calls += loop.get();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", threads);
        out.put("calls", calls);
        out.put("seconds", millis / 1000.0);
        out.put("calls_per_s", Latencies.round(calls / (millis / 1000.0)));
        return out;
    }

    @Asynchronous
    public Future<Long> startLoop(String workflow, long deadlineNanos) {
        long calls = 0;
        while (System.nanoTime() < deadlineNanos) {
            api.startRun(workflow, Map.of());
            calls++;
        }
        return new AsyncResult<>(calls);
    }

    /** W4: listRuns page times and inspectRun with history, median of repeated calls, milliseconds. */
    public Map<String, Object> reads(String linearWorkflow, int repetitions) {
        Map<String, Object> out = new LinkedHashMap<>();
        RunPage first = api.listRuns(RunQuery.all());
        String runId = api.listRuns(RunQuery.all().workflow(linearWorkflow).status(RunStatus.COMPLETED).limit(1))
                .runs().get(0).id().toString();
        out.put("list_page1_ms", median(repetitions, () -> api.listRuns(RunQuery.all())));
        out.put("list_page2_ms", median(repetitions, () -> api.listRuns(RunQuery.all().after(first.next()))));
        out.put("list_by_workflow_ms", median(repetitions, () -> api.listRuns(RunQuery.all().workflow(linearWorkflow))));
        out.put("list_by_status_ms", median(repetitions, () -> api.listRuns(RunQuery.all().status(RunStatus.COMPLETED))));
        out.put("inspect_history_ms", median(repetitions, () -> api.inspectRun(runId, true)));
        out.put("inspected_run", runId);
        out.put("page_size", first.runs().size());
        return out;
    }

    private static double median(int repetitions, Supplier<Object> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        double[] times = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            call.get();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(times);
        return Latencies.round(times[repetitions / 2]);
    }

    /** Hibernate statistics of the engine's persistence unit, switched on at the first call (bench server only). */
    public Map<String, Long> statistics() {
        try {
            Class<?> factoryType = Class.forName("org.hibernate.SessionFactory");
            Object factory = emf.unwrap(factoryType);
            Object statistics = factoryType.getMethod("getStatistics").invoke(factory);
            Class<?> statisticsType = Class.forName("org.hibernate.stat.Statistics");
            if (!(Boolean) statisticsType.getMethod("isStatisticsEnabled").invoke(statistics)) {
                statisticsType.getMethod("setStatisticsEnabled", boolean.class).invoke(statistics, true);
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (String name : STATISTICS) {
                Method getter = statisticsType.getMethod("get" + name);
                out.put(name, ((Number) getter.invoke(statistics)).longValue());
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Hibernate statistics", e);
        }
    }

    /** Heap in use after a full collection, bytes. */
    public Map<String, Object> heap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("heap_used_after_gc", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        out.put("heap_committed", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
        return out;
    }

    public Map<String, Object> ping() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflows", api.workflows().size());
        out.put("pid", ProcessHandle.current().pid());
        return out;
    }
}
