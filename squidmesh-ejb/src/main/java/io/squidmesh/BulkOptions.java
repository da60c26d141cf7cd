package io.squidmesh;

import java.time.Duration;

/**
 * How a bulk job moves: {@code chunkSize} runs per transaction (default 200), and an optional pause before
 * each chunk after the first to keep the load on a busy database down.
 */
public record BulkOptions(int chunkSize, Duration pauseBetweenChunks) {

    public BulkOptions {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be positive, was " + chunkSize);
        }
        pauseBetweenChunks = pauseBetweenChunks == null ? Duration.ZERO : pauseBetweenChunks;
    }

    public static BulkOptions defaults() {
        return new BulkOptions(200, Duration.ZERO);
    }
}
