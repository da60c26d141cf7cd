package io.squidmesh.runtime.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClocksTest {

    @AfterEach
    void reset() {
        Instant now = Instant.now();
        Clocks.align(now, now, now);
    }

    @Test
    void theDatabasesReadingStandsForTheMiddleOfTheRoundTrip() {
        Instant sent = Instant.parse("2026-12-06T12:00:00Z");
        Instant received = sent.plusMillis(20);
        Duration offset = Clocks.align(Instant.parse("2026-12-06T12:00:05.010Z"), sent, received);
        assertEquals(Duration.ofSeconds(5), offset, "the database's clock runs 5 s ahead of this one");
    }

    @Test
    void nowFollowsTheDatabasesClockAtMicrosecondPrecision() {
        Instant local = Instant.now();
        Clocks.align(local.plus(Duration.ofMinutes(3)), local, local);
        Instant now = Clocks.now();
        Duration ahead = Duration.between(Instant.now(), now);
        assertTrue(ahead.compareTo(Duration.ofMinutes(3).minusSeconds(1)) > 0
                && ahead.compareTo(Duration.ofMinutes(3).plusSeconds(1)) < 0, "ahead by " + ahead);
        assertEquals(0, now.getNano() % 1000, "microseconds, as the database stores them");
    }
}
