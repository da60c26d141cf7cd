package io.squidmesh.it.recovery;

import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshEvent;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.EventLog;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Telemetry (SPEC §10): every event after its transaction commits, never for rolled-back work, with its metadata. */
@ExtendWith(ArquillianExtension.class)
class TelemetryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(TelemetryIT.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Inject
    EventLog events;

    @Test
    void aRunsEventsArriveAfterCommitWithRunAndStepMetadata() {
        Run run = squidMesh.startRun("it_linear", Map.of("account_id", "telemetry"));
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.COMPLETED);
        List<EventLog.Observed> observed = Await.until("the last event", () -> events.forRun(id),
                list -> list.stream().anyMatch(e -> e.name().equals("run.transition")
                        && "completed".equals(e.event().metadata("to_status"))), Duration.ofSeconds(10));

        assertTrue(observed.stream().noneMatch(EventLog.Observed::inTransaction), "all after commit");
        // the start's events come in order; a delivery's events may come before them, as its transaction can
        // commit while the start's after-commit callbacks still run
        List<String> startEvents = events.names(id).stream().filter(n -> n.equals("run.created")
                || n.equals("run.dispatched")).limit(2).toList();
        assertEquals(List.of("run.created", "run.dispatched"), startEvents);
        assertEquals(1, count(observed, "run.created"));
        assertEquals(3, count(observed, "run.dispatched"));
        assertEquals(3, count(observed, "step.started"));
        assertEquals(3, count(observed, "step.completed"));
        List<String> transitions = observed.stream().filter(e -> e.name().equals("run.transition"))
                .map(e -> e.event().metadata("from_status") + "->" + e.event().metadata("to_status")).toList();
        assertEquals(List.of("pending->running", "running->completed"), transitions);

        SquidMeshEvent created = observed.stream().filter(e -> e.name().equals("run.created")).findFirst()
                .orElseThrow().event();
        assertEquals(id, created.metadata("run_id"));
        assertEquals("it_linear", created.metadata("workflow"));
        assertEquals("it_linear", created.metadata("trigger"));
        assertEquals("pending", created.metadata("status"));
        assertEquals("load", created.metadata("current_step"));
        assertTrue(created.measurements().get("system_time") instanceof Long);

        SquidMeshEvent dispatched = observed.stream().filter(e -> e.name().equals("run.dispatched")).findFirst()
                .orElseThrow().event();
        assertEquals("jms", dispatched.metadata("executor"));
        assertTrue(String.valueOf(dispatched.metadata("job_id")).startsWith("ID:"));

        SquidMeshEvent completed = observed.stream().filter(e -> e.name().equals("step.completed")).findFirst()
                .orElseThrow().event();
        assertEquals("load", completed.metadata("step"));
        assertEquals(1, completed.metadata("attempt"));
        assertTrue(((Long) completed.measurements().get("duration")) > 0);
    }

    @Test
    void aFailureWithRetryReportsTheFailureTheRetryAndTheTransitionInThatOrder() {
        Run run = squidMesh.startRun("it_retry", Map.of("failures", 1));
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.COMPLETED);

        List<String> names = events.names(id);
        int failed = names.indexOf("step.failed");
        assertEquals(List.of("step.failed", "step.retry_scheduled", "run.transition", "run.dispatched"),
                names.subList(failed, failed + 4));
        EventLog.Observed retry = events.forRun(id).get(failed + 1);
        assertEquals(1000L, retry.event().measurements().get("delay_ms"));
        assertEquals(1, retry.event().metadata("attempt"));
        EventLog.Observed transition = events.forRun(id).get(failed + 2);
        assertEquals("retrying", transition.event().metadata("to_status"));
        EventLog.Observed dispatch = events.forRun(id).get(failed + 3);
        assertEquals(1, dispatch.event().metadata("schedule_in"));
        assertEquals(1000L, ((Number) dispatch.event().metadata("schedule_in_ms")).longValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) events.forRun(id).get(failed).event().metadata("error");
        assertEquals("retry_later", error.get("code"));
    }

    @Test
    void rolledBackWorkEmitsNothing() {
        Run ghost = driver.startThenRollBack("it_linear", Map.of("account_id", "ghost"));
        Run real = squidMesh.startRun("it_linear", Map.of("account_id", "real"));
        Await.status(squidMesh, real.id().toString(), RunStatus.COMPLETED);
        Await.until("the real run's events", () -> events.names(real.id().toString()),
                names -> names.contains("run.created"), Duration.ofSeconds(5));

        assertEquals(List.of(), events.names(ghost.id().toString()));
    }

    @Test
    void stepExecutionLogsCarryTheRunAndStep() {
        Run run = squidMesh.startRun("it_linear", Map.of("account_id", "logs"));
        Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED);
        String line = "linear run noted run_id=" + run.id() + " workflow=it_linear step=note attempt=1";
        Await.until("the log line of the built-in log step", TelemetryIT::serverLog, log -> log.contains(line),
                Duration.ofSeconds(10));
    }

    private static long count(List<EventLog.Observed> observed, String name) {
        return observed.stream().filter(e -> e.name().equals(name)).count();
    }

    private static String serverLog() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("jboss.server.log.dir"),
                    "server.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
