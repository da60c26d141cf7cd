package io.squidmesh.workflow;

import java.util.Locale;

/**
 * Labels an error transition as a recovery route. It changes nothing about retries; the
 * route is recorded on the failed step and shows in the audit trail as {@code compensation_routed}
 * or {@code undo_routed}.
 */
public enum Recovery {
    /** A compensation route, audited as {@code compensation_routed}. */
    COMPENSATION,
    /** An undo route, audited as {@code undo_routed}. */
    UNDO;

    /**
     * The name used in definitions and descriptions.
     *
     * @return {@code "compensation"} or {@code "undo"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
