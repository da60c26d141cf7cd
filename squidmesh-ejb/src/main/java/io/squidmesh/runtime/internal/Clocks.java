package io.squidmesh.runtime.internal;

import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The engine's clock: database time, at the database's precision (microseconds, so a value read back equals the
 * one written). Leases, node heartbeats and wake-up times written by one node are compared by another, so every
 * node stamps them with the database's clock, not its own: {@link NodeRegistry} measures the offset of the local
 * clock from the database's at startup and at every heartbeat ({@link #align}), and {@link #now} applies it. The
 * error is half a round trip to the database, far below any lease or grace period.
 */
public final class Clocks {

    public static final Clock UTC = Clock.systemUTC();

    private static volatile long offsetNanos;

    private Clocks() {
    }

    public static Instant now() {
        return Instant.now(UTC).plusNanos(offsetNanos).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Aligns {@link #now} with the database, from one reading of its clock taken between {@code sentAt} and
     * {@code receivedAt} (local clock): the reading is taken to stand for the middle of that interval.
     */
    public static Duration align(Instant databaseTime, Instant sentAt, Instant receivedAt) {
        Instant middle = sentAt.plus(Duration.between(sentAt, receivedAt).dividedBy(2));
        Duration offset = Duration.between(middle, databaseTime);
        offsetNanos = offset.toNanos();
        return offset;
    }

    /** The current offset of the database's clock from the local one. */
    public static Duration offset() {
        return Duration.ofNanos(offsetNanos);
    }
}
