package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.runtime.internal.delivery.SlotDecision.Verdict;
import io.squidmesh.runtime.internal.delivery.SlotDecision.Waiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The concurrency limit's decisions, row by row. */
class SlotDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final UUID SELF = new UUID(0, 1);

    private static Waiter waiter(long id, int priority, int secondsAgo, Integer wokenSecondsAgo) {
        return new Waiter(new UUID(0, 100 + id), "call", priority, NOW.minusSeconds(secondsAgo),
                wokenSecondsAgo == null ? null : NOW.minusSeconds(wokenSecondsAgo));
    }

    private static Verdict claim(int limit, long executing, List<Waiter> waiters, int priority) {
        return SlotDecision.claim(limit, executing, waiters, SELF, "call", priority, NOW, PATIENCE);
    }

    @Test
    void aFreeSlotWithNobodyWaitingAdmits() {
        assertInstanceOf(Verdict.Admit.class, claim(2, 1, List.of(), 4));
    }

    @Test
    void noFreeSlotWaitsAndWakesNobody() {
        Verdict.Wait wait = assertInstanceOf(Verdict.Wait.class, claim(2, 2, List.of(), 4));
        assertEquals(List.of(), wait.wake());
    }

    @Test
    void aWokenWaiterHoldsItsSlotUntilItClaimsIt() {
        Waiter woken = waiter(1, 4, 30, 1);
        assertInstanceOf(Verdict.Wait.class, claim(2, 1, List.of(woken), 4));
        assertInstanceOf(Verdict.Admit.class, claim(3, 1, List.of(woken), 4));
    }

    @Test
    void aWokenWaiterThatNeverClaimedFreesItsSlotAfterThePatience() {
        Waiter lost = waiter(1, 4, 300, 120);
        Verdict.Wait wait = assertInstanceOf(Verdict.Wait.class, claim(2, 1, List.of(lost), 4));
        assertEquals(List.of(lost), wait.wake(), "it ranks ahead (older), so it is woken again, not overtaken");
    }

    @Test
    void aFreeSlotGoesToTheWaiterAheadNotToANewcomer() {
        Waiter older = waiter(1, 4, 10, null);
        Verdict.Wait wait = assertInstanceOf(Verdict.Wait.class, claim(2, 1, List.of(older), 4));
        assertEquals(List.of(older), wait.wake());
    }

    @Test
    void aNewcomerOfHigherPriorityGoesFirst() {
        Waiter lower = waiter(1, 3, 10, null);
        assertInstanceOf(Verdict.Admit.class, claim(2, 1, List.of(lower), 7));
    }

    @Test
    void theWokenWaiterItselfIsAdmitted() {
        Waiter self = new Waiter(SELF, "call", 4, NOW.minusSeconds(20), NOW.minusSeconds(1));
        Waiter behind = waiter(1, 4, 5, null);
        assertInstanceOf(Verdict.Admit.class, claim(1, 0, List.of(self, behind), 4));
    }

    @Test
    void releaseWakesAsManyAsThereAreFreeSlotsByPriorityThenAge() {
        Waiter low = waiter(1, 1, 50, null);
        Waiter highNew = waiter(2, 9, 1, null);
        Waiter highOld = waiter(3, 9, 40, null);
        Waiter mid = waiter(4, 5, 60, null);
        Waiter wokenAlready = waiter(5, 9, 70, 2);
        assertEquals(List.of(highOld, highNew), SlotDecision.release(5, 2, List.of(low, highNew, highOld, mid,
                wokenAlready), NOW, PATIENCE));
        assertEquals(List.of(), SlotDecision.release(3, 2, List.of(low, wokenAlready), NOW, PATIENCE));
    }
}
