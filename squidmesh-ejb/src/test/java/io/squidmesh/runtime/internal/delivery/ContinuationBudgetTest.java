package io.squidmesh.runtime.internal.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How far a delivery carries a run in its thread, and the hand-over of one step between it and the apply. */
class ContinuationBudgetTest {

    private final ContinuationBudget budget = new ContinuationBudget(3, Duration.ofMillis(100));

    @Test
    void aDeliveryMayContinueUntilItHasRunMaxStepsOrUsedMaxTime() {
        assertTrue(budget.allowsAnother(1, Duration.ZERO));
        assertTrue(budget.allowsAnother(2, Duration.ofMillis(99)));
        assertFalse(budget.allowsAnother(3, Duration.ZERO), "three steps run: the fourth goes through the queue");
        assertFalse(budget.allowsAnother(1, Duration.ofMillis(100)), "time is up");
    }

    @Test
    void oneStepOrNoTimeMeansEveryStepThroughTheQueue() {
        assertFalse(new ContinuationBudget(1, Duration.ofSeconds(1)).allowsAnother(1, Duration.ZERO));
        assertFalse(new ContinuationBudget(10, Duration.ZERO).allowsAnother(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ContinuationBudget(0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ContinuationBudget(2, Duration.ofMillis(-1)));
    }

    @Test
    void theOfferTakesOneStepOfTheSameRunDueNowAndNothingElse() {
        Continuations continuations = new Continuations();
        UUID run = UUID.randomUUID();
        assertFalse(continuations.take(run, "a", Duration.ZERO, null), "no offer, no hand-over");

        continuations.offer(run, "ID:m+1");
        assertFalse(continuations.take(UUID.randomUUID(), "a", Duration.ZERO, null), "another run's step is queued");
        assertFalse(continuations.take(run, "a", Duration.ofSeconds(1), null), "a delayed step is queued");
        assertTrue(continuations.take(run, "b", Duration.ZERO, () -> "00-trace-span-01"));
        assertFalse(continuations.take(run, "c", Duration.ZERO, null), "one step per offer: a second is queued");
        Prepared claim = new Prepared.Done("waiting_for_slot");
        continuations.claimed(claim);
        assertEquals(Optional.of(new Continuations.Handed("b", "ID:m+1", "00-trace-span-01", claim)),
                continuations.withdraw());
        assertEquals(Optional.empty(), continuations.withdraw(), "withdrawn once");
        assertFalse(continuations.take(run, "d", Duration.ZERO, null), "no offer after the withdrawal");
    }

    @Test
    void onlyAStepTakenCanBeClaimed() {
        Continuations continuations = new Continuations();
        continuations.offer(UUID.randomUUID(), null);
        assertThrows(IllegalStateException.class, () -> continuations.claimed(new Prepared.Done("stale")));
        assertEquals(Optional.empty(), continuations.withdraw());
    }

    @Test
    void anOfferIsThisThreadsAlone() throws Exception {
        Continuations continuations = new Continuations();
        UUID run = UUID.randomUUID();
        continuations.offer(run, "ID:m+1");
        boolean[] tookElsewhere = new boolean[1];
        Thread other = new Thread(() -> tookElsewhere[0] = continuations.take(run, "b", Duration.ZERO, null));
        other.start();
        other.join();
        assertFalse(tookElsewhere[0]);
        assertEquals(Optional.empty(), continuations.withdraw());
    }
}
