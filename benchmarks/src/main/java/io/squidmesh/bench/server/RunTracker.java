package io.squidmesh.bench.server;

import io.squidmesh.SquidMeshEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop bookkeeping: which bench runs are in flight, since when, and a permit per run so the driver keeps
 * exactly N in flight. Completion is the engine's own {@code run.transition} event to a terminal status, which it
 * fires after the commit that made the run terminal.
 */
@ApplicationScoped
public class RunTracker {

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, Long> finishedEarly = new HashMap<>();
    private volatile Semaphore permits = new Semaphore(0);
    private volatile boolean measuring;
    private volatile String workflow;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Latencies latencies = new Latencies();

    void observe(@Observes SquidMeshEvent event) {
        if (!"run.transition".equals(event.name()) || !TERMINAL.contains(String.valueOf(event.metadata("to_status")))) {
            return;
        }
        String tracked = workflow;
        if (tracked == null || !tracked.equals(event.metadata("workflow"))) {
            return;
        }
        String id = String.valueOf(event.metadata("run_id"));
        long now = System.nanoTime();
        Long t0;
        synchronized (this) {
            t0 = started.remove(id);
            if (t0 == null) {
                finishedEarly.put(id, now);
                return;
            }
        }
        finish(t0, now, "completed".equals(event.metadata("to_status")));
    }

    /** Called right after a start returned: the completion may already have been seen. */
    void started(String id, long t0) {
        Long done;
        synchronized (this) {
            done = finishedEarly.remove(id);
            if (done == null) {
                started.put(id, t0);
                return;
            }
        }
        finish(t0, done, true);
    }

    private void finish(long t0, long now, boolean ok) {
        if (measuring) {
            if (ok) {
                completed.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            latencies.add((now - t0) / 1e6);
        }
        permits.release();
    }

    void reset(int inFlight, String workflow) {
        this.workflow = workflow;
        synchronized (this) {
            started.clear();
            finishedEarly.clear();
        }
        permits = new Semaphore(inFlight);
        measuring = false;
        completed.set(0);
        failed.set(0);
        latencies.clear();
    }

    Semaphore permits() {
        return permits;
    }

    void measuring(boolean on) {
        measuring = on;
    }

    // accessors, never fields: callers hold a CDI client proxy, whose own fields are not this instance's
    long completed() {
        return completed.get();
    }

    long failed() {
        return failed.get();
    }

    Map<String, Object> latencySummary() {
        return latencies.summary();
    }

    synchronized int inFlight() {
        return started.size();
    }
}
