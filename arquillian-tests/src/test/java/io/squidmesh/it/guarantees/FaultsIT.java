package io.squidmesh.it.guarantees;

import io.squidmesh.BulkOptions;
import io.squidmesh.InvalidPayloadException;
import io.squidmesh.Run;
import io.squidmesh.RunFilter;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.executor.Payload;
import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.EventLog;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.ServerManagement;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.LedgerTable;
import io.squidmesh.it.workflows.Probe;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.squidmesh.it.support.ServerManagement.QUEUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN G2-G4 under the faults that break naive engines: a step longer than the transaction timeout, an attempt
 * taken over while its transaction is open, outputs and payloads the database refuses, two compensation deliveries
 * at once, a sibling that completes after its run failed, a bulk cancel racing the runs it cancels, a lost
 * message. Each test injects its fault and fails on an engine without the guarantee.
 */
@ExtendWith(ArquillianExtension.class)
class FaultsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(FaultsIT.class, ApiClient.class, ApiClient.Reply.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Inject
    EventLog events;

    @Inject
    LedgerTable ledger;

    @Resource
    ManagedExecutorService executor;

    @Test
    void aStepRunningTwiceTheTransactionTimeoutExecutesOnceAndItsRunCompletes() throws Exception {
        Run run;
        try (ServerManagement management = ServerManagement.connect()) {
            management.transactionTimeout(4);
            try {
                run = squidMesh.startRun("it_long_step", Map.of("sleep_ms", 9_000));
                Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED, Duration.ofSeconds(60));
            } finally {
                management.transactionTimeout(300);
            }
        }
        String id = run.id().toString();
        assertEquals(1, Probe.count(id, "sleep"), "a redelivery never ran the step beside the first delivery");
        StepRun sleep = squidMesh.inspectRun(id, true).stepRuns().get(0);
        assertEquals(List.of("completed"), sleep.attempts().stream().map(StepAttempt::status).toList());
        assertEquals(1, Probe.count(id, "after_sleep"));
    }

    @Test
    void aTransactionalAttemptTakenOverRollsBackItsWorkAndOnlyTheSecondAttemptsRowsRemain() throws Exception {
        Run run = Await.heldAtGate(squidMesh, "it_held_ledger");
        String id = run.id().toString();
        driver.moveLease(run.id(), "post", UUID.randomUUID(), Instant.now().plusSeconds(600)); // its node is gone

        Future<?> takeover = executor.submit(() -> driver.perform(Payload.step(run.id(), "post").toMap(), "takeover"));
        Await.until("the second attempt at the gate", () -> Probe.count(id, "post"), n -> n == 2, Duration.ofSeconds(30));
        Probe.open(run.id());
        takeover.get(30, TimeUnit.SECONDS);

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(List.of("failed", "completed"),
                done.stepRuns().get(0).attempts().stream().map(StepAttempt::status).toList());
        Await.until("the first attempt's transaction to end", () -> ledger.entries(id), rows -> rows.size() == 2,
                Duration.ofSeconds(10));
        Thread.sleep(500); // give a wrongly committing first attempt the time to show its rows
        assertEquals(List.of("reserve@2", "capture@2"), ledger.entries(id),
                "the taken-over attempt's rows rolled back; only the current attempt's committed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul", "date", "cycle"})
    void anOutputTheDatabaseCannotStoreFailsTheStepOnceWithTheFieldNamed(String kind) {
        Run run = squidMesh.startRun("it_unstorable", Map.of("kind", kind));
        String id = run.id().toString();

        Run failed = Await.status(squidMesh, id, RunStatus.FAILED);
        assertEquals(1, Probe.count(id, "produce"), "no retry: the same output would fail the same way");
        Map<String, Object> error = failed.lastError();
        assertEquals("output_not_storable", error.get("reason"), error::toString);
        assertEquals(false, error.get("retryable?"));
        assertEquals(switch (kind) {
            case "nul" -> "output.body";
            case "date" -> "output.due";
            default -> "output.self";
        }, error.get("field"));
        assertTrue(String.valueOf(error.get("message")).startsWith("step output cannot be stored: output."), error::toString);
    }

    @Test
    void anUnstorableOutputFollowsTheStepsErrorRoute() {
        Run run = squidMesh.startRun("it_unstorable_routed", Map.of("kind", "nul"));
        String id = run.id().toString();
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(1, Probe.count(id, "produce"));
        assertEquals(1, Probe.count(id, "fall_back"));
        assertEquals("output_not_storable", done.stepRuns().get(0).lastError().get("reason"));
    }

    @Test
    void aStartWhosePayloadCannotBeStoredIsRefusedNamingTheFieldAndLeavesNothing() {
        long before = squidMesh.listRuns(io.squidmesh.RunQuery.all().workflow("it_linear").limit(500)).runs().size();
        InvalidPayloadException refused = assertThrows(InvalidPayloadException.class,
                () -> squidMesh.startRun("it_linear", Map.of("account_id", "acc\u0000-1")));
        assertEquals("not_storable", refused.violations().get(0).problem().value());
        assertEquals("account_id", refused.violations().get(0).field());

        ApiClient.Reply reply = ApiClient.OPERATOR.post("/api/runs",
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc\\u0000-2\"}}");
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("invalid_payload", reply.json().get("code"));
        assertEquals(List.of(Map.of("field", "account_id", "problem", "not_storable",
                "expected", "the string holds the character U+0000, which PostgreSQL cannot store")),
                reply.json().get("errors"));
        assertEquals(before, squidMesh.listRuns(io.squidmesh.RunQuery.all().workflow("it_linear").limit(500)).runs().size());
    }

    @Test
    void twoConcurrentCompensationDeliveriesRunEachCallbackOnce() throws Exception {
        Run run = squidMesh.startRun("it_slow_undo", Map.of());
        String id = run.id().toString();
        assertTrue(Probe.awaitHeld(run.id(), 30), "the queued compensation reached the slow callback");
        // a second compensation delivery while the first is in its callback: a duplicate message, a redelivery
        driver.perform(Payload.compensation(run.id()).toMap(), "duplicate-compensation");
        Probe.open(run.id());

        Await.until("both callbacks done", () -> compensationStatuses(squidMesh.inspectRun(id, true)),
                statuses -> statuses.equals(List.of("completed", "completed")), Duration.ofSeconds(30));
        assertEquals(List.of("undo:reserve", "undo:hold_credit"),
                Probe.executions(id).stream().filter(e -> e.startsWith("undo:")).toList());
    }

    @Test
    void aDependencySiblingThatCompletesAfterItsRunFailedIsCompensated() throws Exception {
        Run run = squidMesh.startRun("it_late_sibling", Map.of());
        String id = run.id().toString();
        assertTrue(Probe.awaitHeld(run.id(), 30));
        Await.status(squidMesh, id, RunStatus.FAILED);
        Probe.open(run.id());

        Await.until("the late sibling's compensation", () -> Probe.executions(id), e -> e.contains("undo:slow_reserve"),
                Duration.ofSeconds(30));
        Run failed = Await.until("its record", () -> squidMesh.inspectRun(id, true),
                r -> compensationStatuses(r).equals(List.of("completed")), Duration.ofSeconds(30));
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals(1, Probe.executions(id).stream().filter("undo:slow_reserve"::equals).count());
    }

    @Test
    void aBulkCancelRacingItsRunsNeverRewritesARunThatMovedOn() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(squidMesh.startRun("it_bulk_target", Map.of("n", i)).id().toString());
        }
        long job = squidMesh.cancelRuns(RunFilter.workflow("it_bulk_target"), new BulkOptions(5, null));
        Await.until("the bulk cancel", () -> squidMesh.bulkJob(job), j -> !j.isRunning(), Duration.ofSeconds(60));
        assertEquals("COMPLETED", squidMesh.bulkJob(job).batchStatus());
        for (String id : ids) {
            Run run = Await.until("run " + id + " to settle", () -> squidMesh.inspectRun(id),
                    r -> r.status().isTerminal(), Duration.ofSeconds(30));
            // in the order the transactions made them (under the run's lock): after-commit callbacks of different
            // threads may reach the log in another order
            List<EventLog.Observed> transitions = events.forRun(id).stream()
                    .filter(e -> e.name().equals("run.transition"))
                    .sorted(java.util.Comparator.comparing(e -> (Long) e.event().measurements().get("system_time")))
                    .toList();
            String status = "pending";
            for (EventLog.Observed transition : transitions) {
                assertEquals(status, transition.event().metadata("from_status"),
                        () -> "run " + id + " changed from a status it was not in: " + transitions);
                status = (String) transition.event().metadata("to_status");
            }
            assertEquals(run.status().value(), status, () -> "run " + id + ": " + transitions);
        }
    }

    @Test
    void aRunWhoseMessageWasLostIsRequeuedByTheWatchdogAndExplainedMeanwhile() throws Exception {
        Run run;
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(QUEUE);
            try {
                run = squidMesh.startRun("it_linear", Map.of("account_id", "lost"));
                assertEquals(1, management.removeMessages(QUEUE, "run_id='" + run.id() + "'"), "the message is lost");
                driver.setWakeAt(run.id(), Instant.now().minusSeconds(1)); // and it should have moved by now
                Run waiting = run;
                Await.until("the watchdog's message", () -> management.count(QUEUE, "run_id='" + waiting.id() + "'"),
                        n -> n == 1, Duration.ofSeconds(30));
                Map<String, Object> details = squidMesh.explainRun(run.id().toString()).details();
                assertEquals(1, ((Map<?, ?>) details.get("watchdog")).get("requeued"), details::toString);
                assertNotNull(details.get("expected_by"));
            } finally {
                management.resume(QUEUE);
            }
        }
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(1, Probe.count(id, "load"));
        assertEquals(1, Probe.count(id, "finish"));
    }

    @Test
    void aCancellingRunWhoseStepsNodeIsGoneIsSettledByTheWatchdog() throws Exception {
        Run run = Await.heldAtGate(squidMesh, "it_held");
        String id = run.id().toString();
        assertEquals(RunStatus.CANCELLING, squidMesh.cancelRun(id).status());
        driver.moveLease(run.id(), "hold", UUID.randomUUID(), Instant.now().plusSeconds(600)); // its node died
        driver.setWakeAt(run.id(), Instant.now().minusSeconds(1));

        Await.status(squidMesh, id, RunStatus.CANCELLED, Duration.ofSeconds(30));
        Probe.open(run.id()); // the late result of the dead node's attempt changes nothing
        Await.until("the late result", () -> Probe.count(id, "hold"), n -> n == 1, Duration.ofSeconds(5));
        assertEquals(RunStatus.CANCELLED, squidMesh.inspectRun(id).status());
        assertEquals(0, Probe.count(id, "after_hold"));
    }

    private static List<String> compensationStatuses(Run run) {
        List<String> statuses = new ArrayList<>();
        for (StepRun row : run.stepRuns()) {
            if (row.recovery() != null && row.recovery().get("compensation") instanceof Map<?, ?> compensation) {
                statuses.add(String.valueOf(compensation.get("status")));
            }
        }
        return statuses;
    }
}
