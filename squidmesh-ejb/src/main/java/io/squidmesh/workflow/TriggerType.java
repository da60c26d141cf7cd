package io.squidmesh.workflow;

import java.util.Locale;

/** How a run is started: by a call ({@code manual}) or by a schedule ({@code cron}). */
public enum TriggerType {
    MANUAL, CRON;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
