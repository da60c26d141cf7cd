package io.squidmesh.runtime.internal;

import io.squidmesh.persistence.StepRunEntity;

import java.util.Map;
import java.util.Optional;

/**
 * The error route a failed step took when its transition names a recovery strategy (SPEC §4.5): the strategy
 * ({@code compensation}, {@code undo}) and the step the run went on at. The step row's recovery record keeps it
 * under {@code failure}, which the audit trail reads back as {@code <strategy>_routed}; this record is the one
 * writer and reader of that entry.
 */
public record FailureRoute(String strategy, String target) {

    static final String KEY = "failure";

    /** Keeps this route in the row's recovery record. */
    public void recordOn(StepRunEntity row) {
        row.putRecovery(KEY, RuntimeError.ordered("strategy", strategy, "target", target));
    }

    /** The route the row's recovery record keeps, if it keeps one this engine wrote. */
    public static Optional<FailureRoute> of(StepRunEntity row) {
        if (row.getRecovery() != null && row.getRecovery().get(KEY) instanceof Map<?, ?> failure
                && failure.get("strategy") instanceof String strategy && failure.get("target") instanceof String target) {
            return Optional.of(new FailureRoute(strategy, target));
        }
        return Optional.empty();
    }
}
