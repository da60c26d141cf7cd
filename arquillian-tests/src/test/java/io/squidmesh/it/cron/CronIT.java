package io.squidmesh.it.cron;

import io.squidmesh.Run;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshException;
import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.Payload;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.jms.CronScheduler;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cron triggers (SPEC §6.17, DESIGN G6): timers fire, each window starts exactly one run, duplicates start none. */
@ExtendWith(ArquillianExtension.class)
class CronIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.renamed(TestModules.withWorkflows(CronIT.class, CronWorkflows.class), "cron.ear");
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Inject
    CronScheduler scheduler;

    @Test
    void aCronTriggerStartsOneRunPerWindowWithTheScheduleInItsContext() {
        List<Run> runs = Await.until("three timer-started runs", this::timerRuns, list -> list.size() >= 3,
                Duration.ofSeconds(30));

        Set<String> windows = new HashSet<>();
        java.util.List<Instant[]> spans = new java.util.ArrayList<>();
        for (Run run : runs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schedule = (Map<String, Object>) run.context().get("schedule");
            assertEquals("it_ticker", schedule.get("workflow"));
            assertEquals("every_3s", schedule.get("trigger_name"));
            assertEquals("*/3 * * * * *", schedule.get("cron_expression"));
            assertEquals("Europe/Lisbon", schedule.get("timezone"));
            assertTrue(((String) schedule.get("signal_id")).matches("^sha256:[A-Za-z0-9_-]{43}$"));
            @SuppressWarnings("unchecked")
            Map<String, Object> window = (Map<String, Object>) schedule.get("intended_window");
            Instant start = Instant.parse((String) window.get("start_at"));
            Instant end = Instant.parse((String) window.get("end_at"));
            // a window runs from its fire time to the schedule's next time: 3 s, whenever the timer fired
            assertEquals(0, start.getEpochSecond() % 3);
            assertEquals(Duration.ofSeconds(3), Duration.between(start, end));
            for (Instant[] other : spans) {
                assertTrue(!end.isAfter(other[0]) || !start.isBefore(other[1]), "windows never overlap");
            }
            spans.add(new Instant[] {start, end});
            assertTrue(windows.add((String) window.get("start_at")), "one run per window");
            assertEquals(Map.of("channel", "ops", "day", LocalDate.now(ZoneOffset.UTC).toString()), run.payload());
        }
        Await.status(squidMesh, runs.get(runs.size() - 1).id().toString(), RunStatus.COMPLETED);
    }

    @Test
    void aDuplicateActivationOfAWindowStartsNoSecondRun() {
        Map<String, Object> payload = Payload.cron("it_ticker", "every_3s",
                CronOptions.window("2030-01-01T00:00:00Z", "2030-01-01T00:00:03Z")).toMap();
        driver.perform(payload, "cron-1");
        driver.perform(payload, "cron-2");
        driver.perform(Payload.cron("it_ticker", "every_3s",
                CronOptions.window("2030-01-01T00:00:03Z", "2030-01-01T00:00:06Z")).toMap(), "cron-3");

        List<Run> runs = cronRuns().stream().filter(r -> windowStart(r).startsWith("2030-01-01")).toList();
        assertEquals(List.of("2030-01-01T00:00:03Z", "2030-01-01T00:00:00Z"), runs.stream().map(CronIT::windowStart).toList());
    }

    @Test
    void aGivenSignalIdIsTheWindowAndMustBeAString() {
        Map<String, Object> payload = new java.util.LinkedHashMap<>(Payload.cron("it_ticker", "every_3s",
                new CronOptions("host-scheduler-42", null)).toMap());
        driver.perform(payload, "signal-1");
        driver.perform(payload, "signal-2");
        assertEquals(1, cronRuns().stream().filter(r -> "host-scheduler-42".equals(schedule(r).get("signal_id"))).count());

        payload.put("signal_id", "");
        SquidMeshException invalid = assertThrows(SquidMeshException.class, () -> driver.perform(payload, "signal-3"));
        assertEquals("invalid_schedule_signal_id", invalid.code());
        SquidMeshException manual = assertThrows(SquidMeshException.class,
                () -> driver.perform(Payload.cron("it_ticker", "by_hand", CronOptions.none()).toMap(), "manual"));
        assertEquals("invalid_trigger", manual.code());
    }

    @Test
    void eachCalendarTriggerHasExactlyOneTimerAfterEveryReconciliation() {
        assertEquals(1, scheduler.timerCount());
        scheduler.reconcile();
        scheduler.reconcile();
        assertEquals(1, scheduler.timerCount());
        assertTrue(scheduler.scheduled().get("it_ticker/every_3s").isAfter(Instant.now().minusSeconds(3)));
    }

    /** Runs the timer started (other tests activate windows of their own, in 2030 or by signal). */
    private List<Run> timerRuns() {
        String thisYear = String.valueOf(java.time.Year.now(ZoneOffset.UTC).getValue());
        return cronRuns().stream().filter(r -> windowStart(r).startsWith(thisYear)).toList();
    }

    private List<Run> cronRuns() {
        return squidMesh.listRuns(RunQuery.all().workflow("it_ticker").limit(500)).runs().stream()
                .filter(r -> "every_3s".equals(r.trigger())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schedule(Run run) {
        return (Map<String, Object>) run.context().get("schedule");
    }

    @SuppressWarnings("unchecked")
    private static String windowStart(Run run) {
        Map<String, Object> window = (Map<String, Object>) schedule(run).get("intended_window");
        return window == null ? "" : (String) window.get("start_at");
    }
}
