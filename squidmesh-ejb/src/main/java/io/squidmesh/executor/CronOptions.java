package io.squidmesh.executor;

import java.util.Map;

/**
 * Options of a cron activation (SPEC §5.2): an optional scheduler {@code signalId} and the
 * {@code intendedWindow} ({@code start_at}/{@code end_at}, ISO-8601) the activation stands for.
 */
public record CronOptions(String signalId, Map<String, Object> intendedWindow) {

    public static CronOptions none() {
        return new CronOptions(null, null);
    }

    public static CronOptions window(String startAt, String endAt) {
        return new CronOptions(null, Map.of("start_at", startAt, "end_at", endAt));
    }
}
