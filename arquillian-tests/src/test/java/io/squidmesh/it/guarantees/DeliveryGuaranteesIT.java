package io.squidmesh.it.guarantees;

import io.squidmesh.Run;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.executor.Payload;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.EventLog;
import io.squidmesh.it.support.ServerManagement;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.Probe;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.squidmesh.it.support.ServerManagement.QUEUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN G1 (atomic dispatch) and G2 (fenced delivery), observed through the real queue: paused and resumed
 * through the management API as an operator would in the console, duplicate messages put on it, and
 * payloads delivered the way an executor delivers them.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryGuaranteesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(DeliveryGuaranteesIT.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Inject
    EventLog events;

    @Resource
    ManagedExecutorService executor;

    @Test
    void aPausedQueueHoldsCommittedWorkAndARolledBackStartLeavesNeitherRunNorMessage() throws Exception {
        Run committed;
        Run rolledBack;
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(QUEUE);
            try {
                committed = squidMesh.startRun("it_linear", Map.of("account_id", "committed"));
                rolledBack = driver.startThenRollBack("it_linear", Map.of("account_id", "rolled-back"));

                assertTrue(management.attribute(QUEUE, "paused").asBoolean());
                assertEquals(1, management.count(QUEUE, runFilter(committed)), "the committed start is queued");
                assertEquals(0, management.count(QUEUE, runFilter(rolledBack)), "no message for a rolled-back start");
                assertThrows(RunNotFoundException.class, () -> squidMesh.inspectRun(rolledBack.id().toString()));
                assertEquals(RunStatus.PENDING, squidMesh.inspectRun(committed.id().toString()).status(),
                        "nothing is delivered while the queue is paused");
            } finally {
                management.resume(QUEUE);
            }
        }
        Await.status(squidMesh, committed.id().toString(), RunStatus.COMPLETED);
        assertEquals(0, Probe.count(rolledBack.id().toString(), "load"));
    }

    @Test
    void aDuplicateMessageForAStepExecutesItOnce() throws Exception {
        Run run;
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(QUEUE);
            try {
                run = squidMesh.startRun("it_linear", Map.of("account_id", "dup"));
                driver.sendPayload(Payload.step(run.id(), "load").toMap(),
                        Map.of("run_id", run.id().toString(), "kind", "step"));
                assertEquals(2, management.count(QUEUE, runFilter(run)));
            } finally {
                management.resume(QUEUE);
            }
        }
        Run done = Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED);
        assertEquals(1, Probe.count(run.id().toString(), "load"));
        assertEquals(1, done.stepRuns().get(0).attempts().size());
    }

    @Test
    void concurrentDeliveriesOfOneStepExecuteItExactlyOnce() throws Exception {
        Run run;
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(QUEUE);
            try {
                run = squidMesh.startRun("it_linear", Map.of("account_id", "race"));
                Map<String, Object> payload = Payload.step(run.id(), "load").toMap();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> deliveries = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String deliveryId = "race-" + i;
                    deliveries.add(executor.submit(() -> {
                        start.await();
                        driver.perform(payload, deliveryId);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> delivery : deliveries) {
                    delivery.get(30, TimeUnit.SECONDS);
                }
            } finally {
                management.resume(QUEUE); // the original message now arrives late and is skipped too
            }
        }
        Run done = Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED);
        assertEquals(1, Probe.count(run.id().toString(), "load"));
        StepRun load = done.stepRuns().get(0);
        assertEquals(1, load.attempts().size());
        assertEquals(1, Probe.count(run.id().toString(), "finish"));
    }

    @Test
    void lateAndStaleDeliveriesChangeNothing() {
        Run run = squidMesh.startRun("it_linear", Map.of("account_id", "late"));
        String id = run.id().toString();
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);

        for (String step : List.of("load", "note", "finish", "no_such_step")) {
            driver.perform(Payload.step(run.id(), step).toMap(), "late-" + step);
        }

        Run after = squidMesh.inspectRun(id, true);
        assertEquals(done, after, "a settled run is not touched");
        assertEquals(1, Probe.count(id, "load"));
        assertEquals(1, Probe.count(id, "finish"));
    }

    @Test
    void aDeliveryFindingItsStepRunningIsSkippedAndSaysSo() throws Exception {
        Run run = Await.heldAtGate(squidMesh, "it_held");
        String id = run.id().toString();

        driver.perform(Payload.step(run.id(), "hold").toMap(), "another-delivery");

        Run meanwhile = squidMesh.inspectRun(id, true);
        assertEquals(List.of("running"), attemptStatuses(meanwhile, "hold"));
        EventLog.Observed skipped = events.forRun(id).stream().filter(e -> e.name().equals("step.skipped"))
                .findFirst().orElseThrow();
        assertEquals("already_running", skipped.event().metadata("reason"));
        assertEquals("hold", skipped.event().metadata("step"));

        Probe.open(run.id());
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(List.of("completed"), attemptStatuses(done, "hold"));
        assertEquals(1, Probe.count(id, "hold"));
    }

    @Test
    void theSameMessageComingBackWhileItsStepRunsHereIsSkippedHoweverLongTheStepTakes() throws Exception {
        Run run = Await.heldAtGate(squidMesh, "it_held");
        String id = run.id().toString();
        Map<String, Object> payload = Payload.step(run.id(), "hold").toMap();
        // what a broker does when a transaction times out under a delivery: the same message again while the step
        // still runs. Its lease is live, so the redelivery must not run it a second time
        driver.perform(payload, "redelivered-1");
        driver.perform(payload, "redelivered-2");

        assertEquals(List.of("running"), attemptStatuses(squidMesh.inspectRun(id, true), "hold"));
        Probe.open(run.id());
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(List.of("completed"), attemptStatuses(done, "hold"));
        assertEquals(1, Probe.count(id, "hold"));
        assertEquals(1, Probe.count(id, "after_hold"));
    }

    @Test
    void aStepWhoseLeaseLapsedIsTakenOverAndTheLateResultOfTheFirstAttemptChangesNothing() throws Exception {
        Run run = Await.heldAtGate(squidMesh, "it_held");
        String id = run.id().toString();
        // the node that claimed it stopped renewing: another (registered, alive) node's lease, lapsed a second ago
        UUID other = UUID.randomUUID();
        driver.registerNode(other, "it-other-node-" + other, Instant.now());
        driver.moveLease(run.id(), "hold", other, Instant.now().minusSeconds(1));

        Run done = takeOverThenOpen(run); // both attempts go on: the second is current, the first is stale
        List<StepAttempt> attempts = done.stepRuns().get(0).attempts();
        assertEquals(List.of("failed", "completed"), attempts.stream().map(StepAttempt::status).toList());
        assertEquals("lease_expired", attempts.get(0).error().get("reason"));
        assertEquals(other.toString(), attempts.get(0).error().get("lease_node"));
        Await.until("the first attempt's late result", () -> Probe.count(id, "hold"), n -> n == 2, Duration.ofSeconds(30));
        assertEquals(1, Probe.count(id, "after_hold"), "the late first result moved nothing");
        assertEquals(done, squidMesh.inspectRun(id, true));
    }

    @Test
    void aStepHeldByANodeThatIsGoneIsTakenOverAtOnceWhateverItsLeaseTime() throws Exception {
        Run run = Await.heldAtGate(squidMesh, "it_held");
        String id = run.id().toString();
        UUID gone = UUID.randomUUID(); // a node that unregistered (or was forgotten): no row
        driver.moveLease(run.id(), "hold", gone, Instant.now().plusSeconds(600));

        Run done = takeOverThenOpen(run);
        assertEquals("node_gone", done.stepRuns().get(0).attempts().get(0).error().get("reason"));
    }

    /** Delivers the held step again (it is taken over: a second attempt starts), opens the gate, awaits the end. */
    private Run takeOverThenOpen(Run run) throws Exception {
        String id = run.id().toString();
        Future<?> takeover = executor.submit(() -> driver.perform(Payload.step(run.id(), "hold").toMap(), "takeover"));
        Await.until("the second attempt", () -> attemptStatuses(squidMesh.inspectRun(id, true), "hold"),
                s -> s.size() == 2, Duration.ofSeconds(30));
        Probe.open(run.id());
        takeover.get(30, TimeUnit.SECONDS);
        return Await.status(squidMesh, id, RunStatus.COMPLETED);
    }

    private static List<String> attemptStatuses(Run run, String step) {
        return run.stepRuns().stream().filter(r -> r.step().equals(step)).findFirst()
                .map(r -> r.attempts().stream().map(StepAttempt::status).toList()).orElse(List.of());
    }

    private static String runFilter(Run run) {
        return "run_id='" + run.id() + "'";
    }
}
