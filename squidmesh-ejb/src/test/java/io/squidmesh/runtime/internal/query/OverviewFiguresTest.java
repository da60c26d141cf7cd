package io.squidmesh.runtime.internal.query;

import io.squidmesh.RunStatus;
import io.squidmesh.RunsOverview.Failures;
import io.squidmesh.RunsOverview.Minute;
import io.squidmesh.RunsOverview.StepTimes;
import io.squidmesh.runtime.internal.query.OverviewFigures.FailedRun;
import io.squidmesh.runtime.internal.query.OverviewFigures.MinuteCount;
import io.squidmesh.runtime.internal.query.OverviewFigures.SettledAttempt;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The overview's arithmetic, row by row. */
class OverviewFiguresTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void everyMinuteOfTheWindowIsThereWithItsCountsAndZerosElsewhere() {
        List<Minute> minutes = OverviewFigures.minutes(T0, T0.plusSeconds(150), List.of(
                new MinuteCount(T0, null, 3),
                new MinuteCount(T0.plusSeconds(60), RunStatus.COMPLETED, 2),
                new MinuteCount(T0.plusSeconds(60), RunStatus.FAILED, 1),
                new MinuteCount(T0.plusSeconds(125), RunStatus.CANCELLED, 4),
                new MinuteCount(T0.minusSeconds(60), null, 9),          // before the window: dropped
                new MinuteCount(T0, RunStatus.RUNNING, 5)));           // not an end: dropped
        assertEquals(List.of(
                new Minute(T0, 3, 0, 0, 0),
                new Minute(T0.plusSeconds(60), 0, 2, 1, 0),
                new Minute(T0.plusSeconds(120), 0, 0, 0, 4)), minutes);
    }

    @Test
    void aWindowStartingMidMinuteStartsAtThatMinute() {
        assertEquals(T0, OverviewFigures.minutes(T0.plusSeconds(30), T0.plusSeconds(40), List.of()).get(0).at());
    }

    @Test
    void failuresAreGroupedByWorkflowAndReasonMostFirstWithTheLatestRun() {
        List<Failures> failures = OverviewFigures.failures(List.of(
                new FailedRun("billing", Map.of("reason", "step_timeout"), "r1", T0),
                new FailedRun("billing", Map.of("code", "card_declined", "message", "no"), "r2", T0.plusSeconds(5)),
                new FailedRun("billing", Map.of("code", "card_declined"), "r3", T0.plusSeconds(9)),
                new FailedRun("shipping", null, "r4", T0.plusSeconds(1)),
                new FailedRun("shipping", Map.of("reason", " "), "r5", T0.plusSeconds(2))));
        assertEquals(List.of(
                new Failures("billing", "card_declined", 2, "r3", T0.plusSeconds(9)),
                new Failures("shipping", "unknown", 2, "r5", T0.plusSeconds(2)),
                new Failures("billing", "step_timeout", 1, "r1", T0)), failures);
    }

    @Test
    void theReasonPrefersReasonThenCode() {
        assertEquals("step_timeout", OverviewFigures.reason(Map.of("reason", "step_timeout", "code", "x")));
        assertEquals("x", OverviewFigures.reason(Map.of("code", "x")));
        assertEquals("unknown", OverviewFigures.reason(Map.of("reason", 7)));
        assertEquals("unknown", OverviewFigures.reason(null));
    }

    @Test
    void stepTimesAreNearestRankPercentilesSlowestFirst() {
        List<SettledAttempt> attempts = new java.util.ArrayList<>();
        for (long ms = 1; ms <= 20; ms++) {
            attempts.add(new SettledAttempt("billing", "charge", ms == 20, ms));
        }
        attempts.add(new SettledAttempt("billing", "notify", false, 500));
        assertEquals(List.of(
                new StepTimes("billing", "notify", 1, 0, 500, 500, 500),
                new StepTimes("billing", "charge", 20, 1, 10, 19, 20)), OverviewFigures.stepTimes(attempts));
    }

    @Test
    void percentilesOfOneValueAreThatValue() {
        assertEquals(7, OverviewFigures.percentile(new long[] {7}, 0.5));
        assertEquals(7, OverviewFigures.percentile(new long[] {7}, 0.95));
    }
}
