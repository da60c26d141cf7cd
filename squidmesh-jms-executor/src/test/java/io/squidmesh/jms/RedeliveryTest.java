package io.squidmesh.jms;

import io.squidmesh.runtime.DeliveryDeferredException.Reason;
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

    private static final Redelivery.Bounds DEFAULTS = new Redelivery.Bounds(10, 1000, 60000);

    @Test
    void aFailureOfTheMomentIsDeliveredAgainUntilItsDeliveriesAreUsedThenDeadLettered() {
        assertEquals(new Redelivery.Verdict.Again(1000, 10), Redelivery.decide(1, null, DEFAULTS));
        assertEquals(new Redelivery.Verdict.Again(60000, 10), Redelivery.decide(9, null, DEFAULTS));
        assertEquals(new Redelivery.Verdict.DeadLetter(), Redelivery.decide(10, null, DEFAULTS));
        assertEquals(new Redelivery.Verdict.DeadLetter(), Redelivery.decide(11, null, DEFAULTS), "a broker redelivery past the bound");
    }

    @Test
    void aRunNotYetVisibleIsTriedThreeTimesThenDiscarded() {
        assertEquals(new Redelivery.Verdict.Again(2000, 3), Redelivery.decide(2, Reason.UNKNOWN_RUN, DEFAULTS));
        assertEquals(new Redelivery.Verdict.Discard(), Redelivery.decide(3, Reason.UNKNOWN_RUN, DEFAULTS));
        assertEquals(new Redelivery.Verdict.Discard(), Redelivery.decide(1, Reason.UNKNOWN_RUN, new Redelivery.Bounds(1, 0, 0)),
                "never more deliveries than the configured bound");
    }

    @Test
    void workThisNodeDoesNotKnowWaitsForTheUpgradeThenIsDeadLettered() {
        for (Reason reason : new Reason[] {Reason.UNKNOWN_WORKFLOW, Reason.UNKNOWN_STEP}) {
            assertEquals(new Redelivery.Verdict.Again(4000, 10), Redelivery.decide(3, reason, DEFAULTS), reason.value());
            assertEquals(new Redelivery.Verdict.DeadLetter(), Redelivery.decide(10, reason, DEFAULTS), reason.value());
        }
    }
}
