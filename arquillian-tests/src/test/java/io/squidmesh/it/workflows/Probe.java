package io.squidmesh.it.workflows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What test steps did, recorded in the server JVM where both the steps and the in-container tests run;
 * and gates that hold a step until the test opens them.
 */
public final class Probe {

    private static final Map<String, List<String>> EXECUTIONS = new ConcurrentHashMap<>();
    private static final Map<UUID, CountDownLatch> GATES = new ConcurrentHashMap<>();
    private static final Map<UUID, CountDownLatch> ARRIVALS = new ConcurrentHashMap<>();

    private Probe() {
    }

    public static void record(UUID runId, String step) {
        EXECUTIONS.computeIfAbsent(runId.toString(), k -> new CopyOnWriteArrayList<>()).add(step);
    }

    /** Every step execution of a run, in order. */
    public static List<String> executions(String runId) {
        return List.copyOf(EXECUTIONS.getOrDefault(runId, List.of()));
    }

    public static long count(String runId, String step) {
        return executions(runId).stream().filter(step::equals).count();
    }

    /** Blocks the calling step until {@link #open} (at most 60 s). */
    public static void hold(UUID runId) throws InterruptedException {
        arrivals(runId).countDown();
        if (!gate(runId).await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate for run " + runId + " never opened");
        }
    }

    /** Waits until a step of this run is held at its gate. */
    public static boolean awaitHeld(UUID runId, long seconds) throws InterruptedException {
        return arrivals(runId).await(seconds, TimeUnit.SECONDS);
    }

    public static void open(UUID runId) {
        gate(runId).countDown();
    }

    private static CountDownLatch gate(UUID runId) {
        return GATES.computeIfAbsent(runId, k -> new CountDownLatch(1));
    }

    private static CountDownLatch arrivals(UUID runId) {
        return ARRIVALS.computeIfAbsent(runId, k -> new CountDownLatch(1));
    }
}
