package io.squidmesh.jms;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedeliveryTest {

    @Test
    void theDelayDoublesFromTheFirstUpToTheCap() {
        Redelivery.Bounds defaults = new Redelivery.Bounds(10, 1000, 60000);
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L, 60000L),
                IntStream.rangeClosed(1, 9).mapToObj(defaults::delay).toList());
        long window = IntStream.rangeClosed(1, 9).mapToLong(defaults::delay).sum();
        assertEquals(243_000, window, "ten deliveries span about four minutes by default");
    }

    @Test
    void aZeroDelayStaysZero() {
        assertEquals(0, new Redelivery.Bounds(3, 0, 0).delay(5));
    }
}
