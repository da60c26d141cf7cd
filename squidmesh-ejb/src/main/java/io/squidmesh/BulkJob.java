package io.squidmesh;

import java.time.Instant;
import java.util.Map;

/**
 * A bulk operation running as a Jakarta Batch job (retention purge, bulk cancel, bulk replay), as the server's
 * batch console also shows it. {@code counts} holds {@code read} (runs matched), {@code written} (runs changed)
 * and {@code skipped} (runs that could not be changed, e.g. already settled or unsafe to replay).
 */
public record BulkJob(long executionId, String job, String batchStatus, String exitStatus, Map<String, Long> counts,
                      Instant startedAt, Instant endedAt) {

    /**
     * Whether the job is still starting, started or stopping.
     *
     * @return {@code true} while {@code batchStatus} is {@code STARTING}, {@code STARTED} or {@code STOPPING}
     */
    public boolean isRunning() {
        return "STARTING".equals(batchStatus) || "STARTED".equals(batchStatus) || "STOPPING".equals(batchStatus);
    }
}
