package io.squidmesh.bench.driver;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.Queue;
import dev.dbos.transact.workflow.Workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * B2, the peer: DBOS Transact Java running the same five no-op steps as W1, each a durable step, workflows started
 * through a DBOS durable queue, on the same PostgreSQL, in this JVM. Closed loop like W1: N workflows in flight.
 * Completion is taken when the workflow function returns after its fifth step was recorded (DBOS then writes
 * the workflow's result: one more write this timing leaves out).
 */
final class DbosPeer implements AutoCloseable {

    interface FiveSteps {
        String run(String id) throws Exception;
    }

    static final Map<String, Long> STARTED = new ConcurrentHashMap<>();
    static volatile Semaphore permits = new Semaphore(0);
    static volatile boolean measuring;
    static final AtomicLong completed = new AtomicLong();
    static final List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());

    static final class FiveStepsImpl implements FiveSteps {
        private final DBOS dbos;

        FiveStepsImpl(DBOS dbos) {
            this.dbos = dbos;
        }

        @Override
        @Workflow
        public String run(String id) throws Exception {
            for (int i = 1; i <= 5; i++) {
                dbos.runStep(() -> id, "s" + i);
            }
            Long t0 = STARTED.remove(id);
            if (t0 != null) {
                if (measuring) {
                    completed.incrementAndGet();
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
                permits.release();
            }
            return id;
        }
    }

    private final DBOS dbos;
    private final Queue queue;
    private final FiveSteps proxy;
    final Duration polling;

    DbosPeer(String url, String user, String password, Duration polling) {
        DBOSConfig config = DBOSConfig.defaults("squidmesh-bench").withDatabaseUrl(url).withDbUser(user)
                .withDbPassword(password).withAdminServer(false);
        dbos = new DBOS(config);
        this.polling = polling == null ? Queue.DEFAULT_POLLING_INTERVAL : polling;
        queue = new Queue("bench_" + this.polling.toMillis() + "ms").withPollingInterval(this.polling);
        dbos.registerQueue(queue);
        proxy = dbos.registerProxy(FiveSteps.class, new FiveStepsImpl(dbos));
        dbos.launch();
    }

    Map<String, Object> loop(int inFlight, long warmupMillis, long measureMillis) throws Exception {
        permits = new Semaphore(inFlight);
        measuring = false;
        completed.set(0);
        latencies.clear();
        STARTED.clear();
        long begin = System.nanoTime();
        long warmEnd = begin + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long end = warmEnd + TimeUnit.MILLISECONDS.toNanos(measureMillis);
        boolean inWindow = false;
        while (true) {
            long now = System.nanoTime();
            if (!inWindow && now >= warmEnd) {
                inWindow = true;
                measuring = true;
            }
            if (now >= end) {
                break;
            }
            if (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                continue;
            }
            String id = UUID.randomUUID().toString();
            STARTED.put(id, System.nanoTime());
            dbos.startWorkflow(() -> proxy.run(id), new StartWorkflowOptions(queue).withWorkflowId(id));
        }
        measuring = false;
        long runs = completed.get();
        Map<String, Object> latency = Stats.summary(new ArrayList<>(latencies));
        long drain = System.nanoTime();
        while (!STARTED.isEmpty() && System.nanoTime() - drain < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(20);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("in_flight", inFlight);
        out.put("runs_completed", runs);
        out.put("seconds", measureMillis / 1000.0);
        out.put("runs_per_s", Stats.round(runs / (measureMillis / 1000.0)));
        out.put("steps_per_s", Stats.round(5.0 * runs / (measureMillis / 1000.0)));
        out.put("run_latency", latency);
        out.put("queue_polling_ms", polling.toMillis());
        return out;
    }

    @Override
    public void close() {
        dbos.shutdown();
    }
}
