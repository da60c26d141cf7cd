package io.squidmesh;

import java.time.Instant;
import java.util.List;

/**
 * What needs an operator now ({@link SquidMesh#incidents}): runs that are stuck or were queued again by the engine,
 * and the dead letters. Failed runs grouped by workflow and reason are in {@link RunsOverview#failures()}.
 *
 * @param at          when this was read
 * @param stuckRuns   open runs overdue or queued again by the watchdog, the longest overdue first
 * @param deadLetters the dead-letter queue's messages, oldest first
 * @param queues      how much work waits in the executor's queues, and in its dead-letter queue
 */
public record Incidents(Instant at, List<StuckRun> stuckRuns, List<DeadLetter> deadLetters, List<QueueDepth> queues) {
}
