package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.runtime.internal.recovery.ClaimLiveness.Holder;
import io.squidmesh.runtime.internal.recovery.ClaimLiveness.Self;
import io.squidmesh.runtime.internal.recovery.ClaimLiveness.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every row of the lease rule that decides between skipping a delivery and taking the work over. */
class ClaimLivenessTest {

    private static final UUID ME = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(20);
    private static final Instant EARLIER = NOW.minusSeconds(1);
    private static final Holder NODE_B = new Holder(true, "node-b");

    @Test
    void noLeaseMeansNobodyExecutesTheWork() {
        assertEquals(Verdict.RELEASED, ClaimLiveness.of(null, LATER, NOW, new Self(ME, "node-a", false), NODE_B));
        assertEquals(Verdict.RELEASED, ClaimLiveness.of(OTHER, null, NOW, new Self(ME, "node-a", false), NODE_B));
    }

    @Test
    void aLeaseOfThisNodeHoldsWhileThisNodeExecutesTheWorkWhateverItsTime() {
        assertEquals(Verdict.LIVE, ClaimLiveness.of(ME, LATER, NOW, new Self(ME, "node-a", true), Holder.UNKNOWN));
        assertEquals(Verdict.LIVE, ClaimLiveness.of(ME, EARLIER, NOW, new Self(ME, "node-a", true), Holder.UNKNOWN),
                "a heartbeat that is late does not hand the work this node is running to another delivery here");
    }

    @Test
    void aLeaseOfThisNodeThatItNoLongerExecutesWasAbandoned() {
        assertEquals(Verdict.ABANDONED, ClaimLiveness.of(ME, LATER, NOW, new Self(ME, "node-a", false), Holder.UNKNOWN));
        assertEquals("attempt_abandoned", Verdict.ABANDONED.reason());
    }

    @Test
    void aLeaseOfAnotherLiveNodeHoldsUntilItsTimeAndLapsesThen() {
        assertEquals(Verdict.LIVE, ClaimLiveness.of(OTHER, LATER, NOW, new Self(ME, "node-a", false), NODE_B));
        assertEquals(Verdict.EXPIRED, ClaimLiveness.of(OTHER, EARLIER, NOW, new Self(ME, "node-a", false), NODE_B));
        assertEquals(Verdict.EXPIRED, ClaimLiveness.of(OTHER, NOW, NOW, new Self(ME, "node-a", false), NODE_B),
                "a lease is valid strictly before its time");
        assertEquals("lease_expired", Verdict.EXPIRED.reason());
    }

    @Test
    void aLeaseOfANodeThatUnregisteredIsGoneAtOnce() {
        assertEquals(Verdict.NODE_GONE, ClaimLiveness.of(OTHER, LATER, NOW, new Self(ME, "node-a", false),
                Holder.UNKNOWN));
        assertEquals("node_gone", Verdict.NODE_GONE.reason());
    }

    @Test
    void aLeaseOfThisServersPreviousLifeIsGoneAtOnce() {
        assertEquals(Verdict.NODE_GONE, ClaimLiveness.of(OTHER, LATER, NOW, new Self(ME, "node-a", false),
                new Holder(true, "node-a")), "same name, other id: this server before its crash");
    }
}
