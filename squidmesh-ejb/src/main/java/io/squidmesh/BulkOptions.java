package io.squidmesh;

import java.time.Duration;

/**
 * How a bulk job moves: {@code chunkSize} runs per transaction (default 200), and an optional pause before
 * each chunk after the first to keep the load on a busy database down.
 */
public record BulkOptions(int chunkSize, Duration pauseBetweenChunks) {

    /**
     * Checks the chunk size; a {@code null} pause means none.
     *
     * @param chunkSize runs per transaction; must be positive
     * @param pauseBetweenChunks the pause before each chunk after the first, or {@code null} for none
     * @throws IllegalArgumentException when {@code chunkSize} is not positive
     */
    public BulkOptions {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be positive, was " + chunkSize);
        }
        pauseBetweenChunks = pauseBetweenChunks == null ? Duration.ZERO : pauseBetweenChunks;
    }

    /**
     * 200 runs per chunk, no pause.
     *
     * @return the default options
     */
    public static BulkOptions defaults() {
        return new BulkOptions(200, Duration.ZERO);
    }
}
