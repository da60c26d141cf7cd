package io.squidmesh;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The load and the incidents of a recent window, for an operator's overview: runs started and ended per minute,
 * the runs still open by status, the failures grouped by workflow and reason, and how long each step's attempts took.
 *
 * @param from the window's start (inclusive, a whole minute)
 * @param to the window's end (now)
 * @param minutes one entry per minute of the window, oldest first, zeros included
 * @param open the runs not yet ended, by status (every open status, zeros included; not limited to the window)
 * @param failures runs that failed in the window, grouped by workflow and reason, most frequent first
 * @param steps attempts that settled in the window, by workflow and step, slowest p95 first
 */
public record RunsOverview(Instant from, Instant to, List<Minute> minutes, Map<RunStatus, Long> open,
                           List<Failures> failures, List<StepTimes> steps) {

    /**
     * One minute of the window.
     *
     * @param at the minute's start
     * @param started runs created in it
     * @param completed runs that completed in it
     * @param failed runs that failed in it
     * @param cancelled runs that were cancelled in it
     */
    public record Minute(Instant at, long started, long completed, long failed, long cancelled) {
    }

    /**
     * Failed runs of one workflow with one reason.
     *
     * @param workflow the workflow
     * @param reason the error's {@code reason}, else its {@code code}, else {@code unknown}
     * @param runs how many runs failed so in the window
     * @param lastRunId the most recent of them
     * @param lastAt when it failed
     */
    public record Failures(String workflow, String reason, long runs, String lastRunId, Instant lastAt) {
    }

    /**
     * Attempt durations of one step (from the attempt's start to its settlement).
     *
     * @param workflow the workflow
     * @param step the step
     * @param attempts how many attempts settled in the window
     * @param failed how many of them failed
     * @param p50Ms the median duration in milliseconds
     * @param p95Ms the 95th percentile in milliseconds
     * @param maxMs the longest in milliseconds
     */
    public record StepTimes(String workflow, String step, long attempts, long failed, double p50Ms, double p95Ms,
                            double maxMs) {
    }
}
