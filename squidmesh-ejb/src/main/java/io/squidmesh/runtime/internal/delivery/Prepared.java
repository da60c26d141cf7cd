package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.runtime.DeliveryDeferredException;

/** What preparation decided for a step delivery (SPEC §6.5 B). */
public sealed interface Prepared {

    /** Nothing to do: a stale, duplicate or late delivery, a run already settled, or work held by a live lease. */
    record Done(String reason) implements Prepared {
    }

    /** Not now: the run, its workflow or the step is unknown here; the executor delivers it again later. */
    record Deferred(DeliveryDeferredException.Reason reason, String message) implements Prepared {
    }

    /** The step row is completed but the run still points at it: advance from the stored output. */
    record Reconcile() implements Prepared {
    }

    /** A new attempt (or a batch job's check) was claimed under this node's lease: run the step. */
    record Execute(Claim claim) implements Prepared {
    }
}
