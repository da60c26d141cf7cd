package io.squidmesh.workflow;

import java.util.Locale;

/**
 * Labels an error transition as a recovery route (SPEC §4.6). It changes nothing about retries; the
 * route is recorded on the failed step and shows in the audit trail as {@code compensation_routed}
 * or {@code undo_routed}.
 */
public enum Recovery {
    COMPENSATION, UNDO;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
