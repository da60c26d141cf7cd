package io.squidmesh.jms;

import io.squidmesh.jms.CronScheduler.Tick;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cron timer's payload: the window it stands for survives refusals, and the retry delay grows to a bound. */
class CronTickTest {

    @Test
    void aRefusedTickStandsForTheSameWindowAndCountsTheRefusal() {
        Tick tick = new Tick("digest", "nightly", 1_700_000_000_000L, 0);
        Tick again = tick.refusedOnceMore().refusedOnceMore();
        assertEquals(tick.key(), again.key());
        assertEquals(tick.fireAtMillis(), again.fireAtMillis());
        assertEquals(2, again.refusals());
    }

    @Test
    void theRetryDelayStartsAtOneSecondDoublesAndStopsAtAMinute() {
        List<Long> seconds = IntStream.rangeClosed(0, 9)
                .mapToObj(n -> new Tick("w", "t", 0, n).retryDelay().toSeconds()).toList();
        assertEquals(List.of(0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), seconds);
        assertEquals(Duration.ofMinutes(1), new Tick("w", "t", 0, Integer.MAX_VALUE).retryDelay());
    }

    @Test
    void aTickSurvivesTheTimerStoreAsItIsWritten() throws Exception {
        Tick tick = new Tick("digest", "nightly", 42L, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(tick);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(tick, in.readObject());
        }
    }
}
