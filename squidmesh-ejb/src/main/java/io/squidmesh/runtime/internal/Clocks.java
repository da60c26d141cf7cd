package io.squidmesh.runtime.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the database's precision (microseconds), so a value read back equals the one written. */
final class Clocks {

    static final Clock UTC = Clock.systemUTC();

    private Clocks() {
    }

    static Instant now() {
        return Instant.now(UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
