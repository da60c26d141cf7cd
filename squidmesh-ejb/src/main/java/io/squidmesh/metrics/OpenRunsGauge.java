package io.squidmesh.metrics;

import io.squidmesh.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open-runs gauge's reading, whichever registry shows it: the database is read at most every
 * {@link #CACHE} however often the gauge is scraped, and an unreachable database reads as NaN, not as zero.
 */
@ApplicationScoped
public class OpenRunsGauge {

    private static final Logger LOG = Logger.getLogger(OpenRunsGauge.class.getName());

    /** The gauge reads the database at most this often. */
    static final Duration CACHE = Duration.ofSeconds(5);

    @Inject
    OpenRuns openRuns;

    private volatile Snapshot snapshot = new Snapshot(0, Map.of());

    private record Snapshot(long atNanos, Map<RunStatus, Long> counts) {
    }

    /**
     * The gauge's reading for one status.
     *
     * @param status an open status
     * @return the number of open runs in it, or NaN when the database cannot be read
     */
    public double read(RunStatus status) {
        Snapshot current = snapshot;
        if (System.nanoTime() - current.atNanos() > CACHE.toNanos() || current.counts().isEmpty()) {
            try {
                current = new Snapshot(System.nanoTime(), openRuns.byStatus());
                snapshot = current;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "open runs could not be counted (database unavailable?)", e);
                return Double.NaN;
            }
        }
        return current.counts().getOrDefault(status, 0L);
    }
}
