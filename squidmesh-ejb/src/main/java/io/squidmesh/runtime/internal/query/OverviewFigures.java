package io.squidmesh.runtime.internal.query;

import io.squidmesh.RunStatus;
import io.squidmesh.RunsOverview.Failures;
import io.squidmesh.RunsOverview.Minute;
import io.squidmesh.RunsOverview.StepTimes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The overview's arithmetic over typed rows: pure, unit-tested ({@code OverviewFiguresTest}). */
final class OverviewFigures {

    /** Runs that changed status in one minute: {@code status} is {@code null} for starts. */
    record MinuteCount(Instant minute, RunStatus status, long count) {
    }

    /** A run that failed. */
    record FailedRun(String workflow, Map<String, Object> lastError, String runId, Instant at) {
    }

    /** An attempt that settled, and how long it ran. */
    record SettledAttempt(String workflow, String step, boolean failed, long millis) {
    }

    private OverviewFigures() {
    }

    /** Every minute from {@code from} (truncated) to {@code to}, oldest first, with the counts that fall in it. */
    static List<Minute> minutes(Instant from, Instant to, List<MinuteCount> counts) {
        Map<Instant, long[]> byMinute = new TreeMap<>();
        for (Instant at = from.truncatedTo(ChronoUnit.MINUTES); !at.isAfter(to); at = at.plus(1, ChronoUnit.MINUTES)) {
            byMinute.put(at, new long[4]);
        }
        for (MinuteCount count : counts) {
            long[] cells = byMinute.get(count.minute().truncatedTo(ChronoUnit.MINUTES));
            if (cells == null) {
                continue;
            }
            int column = count.status() == null ? 0 : switch (count.status()) {
                case COMPLETED -> 1;
                case FAILED -> 2;
                case CANCELLED -> 3;
                default -> -1;
            };
            if (column >= 0) {
                cells[column] += count.count();
            }
        }
        List<Minute> minutes = new ArrayList<>(byMinute.size());
        byMinute.forEach((at, c) -> minutes.add(new Minute(at, c[0], c[1], c[2], c[3])));
        return minutes;
    }

    /** Failed runs grouped by workflow and reason, most runs first (then the most recent). */
    static List<Failures> failures(List<FailedRun> runs) {
        Map<List<String>, List<FailedRun>> groups = new LinkedHashMap<>();
        for (FailedRun run : runs) {
            groups.computeIfAbsent(List.of(run.workflow(), reason(run.lastError())), k -> new ArrayList<>()).add(run);
        }
        List<Failures> failures = new ArrayList<>();
        groups.forEach((key, members) -> {
            FailedRun last = members.stream().max(Comparator.comparing(FailedRun::at)).orElseThrow();
            failures.add(new Failures(key.get(0), key.get(1), members.size(), last.runId(), last.at()));
        });
        failures.sort(Comparator.comparingLong(Failures::runs).reversed().thenComparing(Failures::lastAt, Comparator.reverseOrder()));
        return failures;
    }

    /** An error's reason for grouping: its {@code reason}, else its {@code code}, else {@code unknown}. */
    static String reason(Map<String, Object> error) {
        if (error == null) {
            return "unknown";
        }
        for (String key : List.of("reason", "code")) {
            if (error.get(key) instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return "unknown";
    }

    /** Attempt durations per workflow and step (nearest-rank percentiles), slowest p95 first. */
    static List<StepTimes> stepTimes(List<SettledAttempt> attempts) {
        Map<List<String>, List<SettledAttempt>> groups = new LinkedHashMap<>();
        for (SettledAttempt attempt : attempts) {
            groups.computeIfAbsent(List.of(attempt.workflow(), attempt.step()), k -> new ArrayList<>()).add(attempt);
        }
        List<StepTimes> times = new ArrayList<>();
        groups.forEach((key, members) -> {
            long[] millis = members.stream().mapToLong(SettledAttempt::millis).sorted().toArray();
            long failed = members.stream().filter(SettledAttempt::failed).count();
            times.add(new StepTimes(key.get(0), key.get(1), millis.length, failed, percentile(millis, 0.50),
                    percentile(millis, 0.95), millis[millis.length - 1]));
        });
        times.sort(Comparator.comparingDouble(StepTimes::p95Ms).reversed().thenComparing(StepTimes::workflow)
                .thenComparing(StepTimes::step));
        return times;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
