package io.squidmesh.it.support;

import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMesh;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls with a deadline: tests wait for a condition, never for a fixed time. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }

    /** Waits until the run has this status, and returns it with its history. */
    public static Run status(SquidMesh squidMesh, String runId, RunStatus status) {
        return status(squidMesh, runId, status, Duration.ofSeconds(30));
    }

    public static Run status(SquidMesh squidMesh, String runId, RunStatus status, Duration timeout) {
        until("run " + runId + " to be " + status, () -> squidMesh.inspectRun(runId).status(),
                s -> s == status, timeout);
        return squidMesh.inspectRun(runId, true);
    }

    /** Waits until the run is terminal or paused, and returns it with its history. */
    public static Run settled(SquidMesh squidMesh, String runId) {
        until("run " + runId + " to settle", () -> squidMesh.inspectRun(runId).status(),
                s -> s.isTerminal() || s == RunStatus.PAUSED, Duration.ofSeconds(30));
        return squidMesh.inspectRun(runId, true);
    }

    /** Starts a run of a workflow whose first step holds at the run's gate, and waits until it is there. */
    public static Run heldAtGate(SquidMesh squidMesh, String workflow) {
        Run run = squidMesh.startRun(workflow, java.util.Map.of());
        try {
            if (!io.squidmesh.it.workflows.Probe.awaitHeld(run.id(), 30)) {
                throw new AssertionError("run " + run.id() + " of " + workflow + " never reached its gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return run;
    }
}
