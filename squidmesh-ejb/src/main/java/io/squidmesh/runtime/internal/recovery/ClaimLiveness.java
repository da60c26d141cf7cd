package io.squidmesh.runtime.internal.recovery;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether the claim on an executing step attempt (or a saga compensation) still holds: the rule that decides
 * between skipping a delivery and taking the work over (DESIGN G3). Pure, so every row is unit-tested.
 * <ul>
 *   <li>no lease: nothing executes the work (it was released, or written before leases existed);</li>
 *   <li>a lease of this node: it holds while this node still executes the work ({@link Leases}); otherwise the
 *       thread that ran it ended without recording a result (e.g. the database refused the result), so the work
 *       is abandoned;</li>
 *   <li>a lease of a node that is gone: its row is missing (it shut down), or it carries this node's name with
 *       another id (this server's previous life, before a crash);</li>
 *   <li>any other lease holds until {@code lease_until}, database time: the holder renews it while it works.</li>
 * </ul>
 */
public final class ClaimLiveness {

    /** The verdict on one claim; only {@link #LIVE} means "someone is on it". */
    public enum Verdict {
        LIVE("live"),
        RELEASED("attempt_abandoned"),
        ABANDONED("attempt_abandoned"),
        NODE_GONE("node_gone"),
        EXPIRED("lease_expired");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        /** The {@code reason} recorded on work taken over for this verdict. */
        public String reason() {
            return reason;
        }
    }

    /** What this node knows about the holder: its row in {@code squid_mesh_nodes}, if any. */
    public record Holder(boolean registered, String name) {
        public static final Holder UNKNOWN = new Holder(false, null);
    }

    /** Who is asking: this node's id and name, and whether it executes the work right now. */
    public record Self(UUID id, String name, boolean executesIt) {
    }

    private ClaimLiveness() {
    }

    public static Verdict of(UUID leaseNode, Instant leaseUntil, Instant now, Self self, Holder holder) {
        if (leaseNode == null || leaseUntil == null) {
            return Verdict.RELEASED;
        }
        if (leaseNode.equals(self.id())) {
            return self.executesIt() ? Verdict.LIVE : Verdict.ABANDONED;
        }
        if (!holder.registered() || self.name().equals(holder.name())) {
            return Verdict.NODE_GONE;
        }
        return leaseUntil.isAfter(now) ? Verdict.LIVE : Verdict.EXPIRED;
    }
}
