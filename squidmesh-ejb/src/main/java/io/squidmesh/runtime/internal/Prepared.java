package io.squidmesh.runtime.internal;

/** What preparation decided for a step delivery (SPEC §6.5 B). */
public sealed interface Prepared {

    /** Nothing to do: a stale, duplicate or late delivery, a run already settled, or an unknown run. */
    record Done(String reason) implements Prepared {
    }

    /** The step row is completed but the run still points at it: advance from the stored output. */
    record Reconcile() implements Prepared {
    }

    /** A new attempt was claimed: run the step. */
    record Execute(Claim claim) implements Prepared {
    }
}
