package io.squidmesh.executor;

import java.util.Map;

/**
 * Options of a cron activation (SPEC §5.2): an optional scheduler {@code signalId} and the
 * {@code intendedWindow} ({@code start_at}/{@code end_at}, ISO-8601) the activation stands for.
 *
 * @param signalId the scheduler's id for this activation, or {@code null}
 * @param intendedWindow the window the activation stands for, or {@code null}
 */
public record CronOptions(String signalId, Map<String, Object> intendedWindow) {

    /**
     * No signal id and no window.
     *
     * @return empty options
     */
    public static CronOptions none() {
        return new CronOptions(null, null);
    }

    /**
     * An intended window and no signal id.
     *
     * @param startAt the window's start, ISO-8601
     * @param endAt the window's end, ISO-8601
     * @return the options
     */
    public static CronOptions window(String startAt, String endAt) {
        return new CronOptions(null, Map.of("start_at", startAt, "end_at", endAt));
    }
}
