package io.squidmesh.workflow;

import java.util.Locale;

/** How a run is started: by a call ({@code manual}) or by a schedule ({@code cron}). */
public enum TriggerType {
    /** Started by a call: {@code SquidMesh.startRun} or {@code POST /api/runs}. */
    MANUAL,
    /** Started by a schedule. */
    CRON;

    /**
     * The name used in definitions and descriptions.
     *
     * @return {@code "manual"} or {@code "cron"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
