package io.squidmesh.runtime.internal.compensation;

import io.squidmesh.persistence.StepRunEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A completed step's compensation as its row keeps it, in {@code recovery.compensation} (SPEC §6.12):
 * {@code {callback, status: running, started_at}} while the callback runs, then {@code output, completed_at} or
 * {@code error, failed_at} added with the status it ended with. The one reader and writer of that JSON.
 */
final class StepCompensation {

    private static final String KEY = "compensation";
    private static final String STATUS = "status";

    /** Where the compensation stands; a row without one (or with a status this engine never wrote) has none. */
    enum Status {
        RUNNING("running"), COMPLETED("completed"), FAILED("failed");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        /** The name stored, and reported in the {@code step.compensated} event. */
        String value() {
            return value;
        }
    }

    private StepCompensation() {
    }

    static Optional<Status> status(StepRunEntity row) {
        Object stored = current(row).get(STATUS);
        return Arrays.stream(Status.values()).filter(s -> s.value.equals(stored)).findFirst();
    }

    /** The callback is about to run: whatever an earlier delivery recorded is replaced. */
    static void begin(StepRunEntity row, String callback, Instant now) {
        Map<String, Object> compensation = new LinkedHashMap<>();
        compensation.put("callback", callback);
        compensation.put(STATUS, Status.RUNNING.value);
        compensation.put("started_at", now.toString());
        write(row, compensation, now);
    }

    static void completed(StepRunEntity row, Map<String, Object> output, Instant now) {
        end(row, Status.COMPLETED, "output", output, "completed_at", now);
    }

    static void failed(StepRunEntity row, Map<String, Object> error, Instant now) {
        end(row, Status.FAILED, "error", error, "failed_at", now);
    }

    private static void end(StepRunEntity row, Status status, String resultKey, Map<String, Object> result,
                            String timeKey, Instant now) {
        Map<String, Object> compensation = new LinkedHashMap<>(current(row));
        compensation.put(STATUS, status.value);
        compensation.put(resultKey, result);
        compensation.put(timeKey, now.toString());
        write(row, compensation, now);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> current(StepRunEntity row) {
        return row.getRecovery() != null && row.getRecovery().get(KEY) instanceof Map<?, ?> c
                ? (Map<String, Object>) c : Map.of();
    }

    private static void write(StepRunEntity row, Map<String, Object> compensation, Instant now) {
        row.putRecovery(KEY, compensation);
        row.setUpdatedAt(now);
    }
}
