package io.squidmesh.runtime.internal.query;

import io.squidmesh.RunStatus;
import io.squidmesh.RunsOverview;
import io.squidmesh.persistence.DbTime;
import io.squidmesh.persistence.OverviewStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.runtime.internal.query.OverviewFigures.FailedRun;
import io.squidmesh.runtime.internal.query.OverviewFigures.MinuteCount;
import io.squidmesh.runtime.internal.query.OverviewFigures.SettledAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the overview of a recent window: five bounded queries, the arithmetic in {@link OverviewFigures}. */
@ApplicationScoped
public class RunsOverviewReader {

    /** Rows read for the failure groups and the step times; beyond that the newest rows stand for the window. */
    static final int ROW_LIMIT = 5_000;

    @Inject
    OverviewStore store;

    public RunsOverview read(Duration window) {
        Instant to = Instant.now();
        Instant from = to.minus(window).truncatedTo(ChronoUnit.MINUTES);
        OffsetDateTime since = DbTime.of(from);

        List<MinuteCount> counts = new ArrayList<>();
        for (Object[] row : store.startedPerMinute(since)) {
            counts.add(new MinuteCount(DbTime.fromColumn(row[0]), null, ((Number) row[1]).longValue()));
        }
        for (Object[] row : store.endedPerMinute(since)) {
            RunStatus.parse(String.valueOf(row[1])).ifPresent(status ->
                    counts.add(new MinuteCount(DbTime.fromColumn(row[0]), status, ((Number) row[2]).longValue())));
        }

        Map<RunStatus, Long> open = store.openByStatus();

        List<FailedRun> failed = new ArrayList<>();
        for (RunEntity run : store.failedSince(since, ROW_LIMIT)) {
            failed.add(new FailedRun(run.getWorkflow(), run.getLastError(), run.getId().toString(), run.getUpdatedAt()));
        }

        List<SettledAttempt> attempts = new ArrayList<>();
        for (Object[] row : store.attemptsSettledSince(since, ROW_LIMIT)) {
            long millis = Math.max(0, Duration.between(DbTime.fromColumn(row[3]), DbTime.fromColumn(row[4])).toMillis());
            attempts.add(new SettledAttempt((String) row[0], (String) row[1], "failed".equals(row[2]), millis));
        }

        return new RunsOverview(from, to, OverviewFigures.minutes(from, to, counts), open,
                OverviewFigures.failures(failed), OverviewFigures.stepTimes(attempts));
    }
}
