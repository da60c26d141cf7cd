package io.squidmesh.executor;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class EnqueueOptionsTest {

    @Test
    void aDelayKeepsItsMillisecondsForTheBrokerAndRoundsUpOnlyInTheSecondsField() {
        EnqueueOptions options = EnqueueOptions.after(Duration.ofMillis(500));
        assertEquals(Optional.of(Duration.ofMillis(500)), options.delay());
        assertEquals(OptionalInt.of(1), options.scheduleIn());
        assertEquals("schedule_in=500ms", options.toString());

        EnqueueOptions longer = EnqueueOptions.after(Duration.ofMillis(2_001));
        assertEquals(Optional.of(Duration.ofMillis(2_001)), longer.delay());
        assertEquals(OptionalInt.of(3), longer.scheduleIn());
    }

    @Test
    void nothingOrLessThanAMillisecondIsNoDelay() {
        assertSame(EnqueueOptions.now(), EnqueueOptions.after(null));
        assertSame(EnqueueOptions.now(), EnqueueOptions.after(Duration.ZERO));
        assertSame(EnqueueOptions.now(), EnqueueOptions.after(Duration.ofMillis(-5)));
        assertSame(EnqueueOptions.now(), EnqueueOptions.after(Duration.ofNanos(999_999)));
        assertEquals(Optional.empty(), EnqueueOptions.now().delay());
        assertEquals(OptionalInt.empty(), EnqueueOptions.now().scheduleIn());
        assertEquals("now", EnqueueOptions.now().toString());
    }

    @Test
    void wholeSecondsAsTheOriginalCountsThem() {
        EnqueueOptions options = EnqueueOptions.scheduleIn(3);
        assertEquals(Optional.of(Duration.ofSeconds(3)), options.delay());
        assertEquals(OptionalInt.of(3), options.scheduleIn());
        assertSame(EnqueueOptions.now(), EnqueueOptions.scheduleIn(0));
        assertSame(EnqueueOptions.now(), EnqueueOptions.scheduleIn(-1));
        assertEquals(1, EnqueueOptions.wholeSecondsUp(Duration.ofMillis(1)));
        assertEquals(Integer.MAX_VALUE, EnqueueOptions.wholeSecondsUp(Duration.ofDays(100_000)));
    }
}
