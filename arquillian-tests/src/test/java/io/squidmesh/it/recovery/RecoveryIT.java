package io.squidmesh.it.recovery;

import io.squidmesh.Run;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.UnsafeReplayException;
import io.squidmesh.executor.Payload;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.LedgerTable;
import io.squidmesh.it.workflows.Probe;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Replay with its safety guard (SPEC §6.11), saga compensation (§6.12) and transactional steps (DESIGN G4). */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(RecoveryIT.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Inject
    LedgerTable ledger;

    @Test
    void replayStartsALinkedRunFromTheOriginalPayloadAndLeavesTheSourceAlone() {
        Run source = Await.status(squidMesh, squidMesh.startRun("it_linear", Map.of("account_id", "replayed"))
                .id().toString(), RunStatus.COMPLETED);

        Run replay = squidMesh.replayRun(source.id().toString(), false);
        assertEquals(RunStatus.PENDING, replay.status());
        assertEquals(source.id(), replay.replayedFromRunId());
        assertEquals(source.payload(), replay.payload());
        assertEquals(Map.of(), replay.context(), "step outputs are not carried over");
        assertEquals("load", replay.currentStep());

        Run done = Await.status(squidMesh, replay.id().toString(), RunStatus.COMPLETED);
        assertEquals(source.context(), done.context());
        assertEquals(source, squidMesh.inspectRun(source.id().toString(), true));
    }

    @Test
    void replayPastAnIrreversibleStepNeedsTheExplicitOverride() {
        Run source = Await.status(squidMesh, squidMesh.startRun("it_shipping", Map.of("order_id", "o-7"))
                .id().toString(), RunStatus.COMPLETED);
        long runs = squidMesh.listRuns(RunQuery.all().workflow("it_shipping").limit(500)).runs().size();

        UnsafeReplayException unsafe = assertThrows(UnsafeReplayException.class,
                () -> squidMesh.replayRun(source.id().toString(), false));
        assertEquals("unsafe_replay", unsafe.code());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) unsafe.details().get("steps");
        assertEquals(1, steps.size());
        assertEquals("ship", steps.get(0).get("step"));
        assertEquals(true, steps.get(0).get("irreversible?"));
        assertEquals("manual_review_required", steps.get(0).get("replay"));
        assertEquals(runs, squidMesh.listRuns(RunQuery.all().workflow("it_shipping").limit(500)).runs().size());

        Run allowed = squidMesh.replayRun(source.id().toString(), true);
        Await.status(squidMesh, allowed.id().toString(), RunStatus.COMPLETED);
    }

    @Test
    void aTerminalFailureCompensatesCompletedStepsNewestFirst() {
        Run run = squidMesh.startRun("it_saga", Map.of("order_id", "o-1"));
        String id = run.id().toString();

        Run failed = Await.until("compensation to finish", () -> squidMesh.inspectRun(id, true),
                r -> r.status() == RunStatus.FAILED && compensationStatus(r, "reserve_inventory") != null
                        && compensationStatus(r, "reserve_inventory").equals("completed"), Duration.ofSeconds(30));

        assertEquals("capture_payment", failed.currentStep());
        assertEquals(Map.of("message", "payment capture declined", "code", "capture_declined", "retryable?", true),
                failed.lastError());
        assertEquals(List.of("reserve_inventory", "authorize_payment", "notify", "capture_payment"),
                failed.stepRuns().stream().map(StepRun::step).toList());
        assertEquals(List.of("completed", "completed", "completed", "failed"),
                failed.stepRuns().stream().map(StepRun::status).toList());
        assertEquals(2, failed.stepRuns().get(3).attempts().size(), "retries are exhausted before compensating");
        List<String> undos = Probe.executions(id).stream().filter(e -> e.startsWith("undo:")).toList();
        assertEquals(List.of("undo:authorize_payment", "undo:reserve_inventory"), undos);
        assertEquals("completed", compensationStatus(failed, "authorize_payment"));
        @SuppressWarnings("unchecked")
        Map<String, Object> compensation = (Map<String, Object>) failed.stepRuns().get(0).recovery().get("compensation");
        assertEquals(Map.of("undone", "reserve_inventory", "compensation", true, "failure_code", "capture_declined"),
                compensation.get("output"));
        assertNull(compensationStatus(failed, "notify"), "a step without a callback is not compensated");
    }

    @Test
    void failedCompensationsAreSummarisedAndTheOthersStillRun() {
        Run run = squidMesh.startRun("it_saga_failing_undo", Map.of());
        String id = run.id().toString();

        Run failed = Await.until("the compensation summary", () -> squidMesh.inspectRun(id, true),
                r -> r.lastError() != null && "workflow step failed and compensation failed"
                        .equals(r.lastError().get("message")), Duration.ofSeconds(30));

        assertEquals(List.of("undo:reserve", "undo:hold_credit"),
                Probe.executions(id).stream().filter(e -> e.startsWith("undo:")).toList());
        assertEquals("charge", failed.lastError().get("failed_step"));
        assertEquals(Map.of("message", "card declined", "code", "card_declined", "retryable?", false),
                failed.lastError().get("cause"));
        assertEquals(List.of(Map.of("message", "release failed", "code", "release_failed", "retryable?", false)),
                failed.lastError().get("compensation_failures"));
        assertEquals("failed", compensationStatus(failed, "reserve"));
        assertEquals("completed", compensationStatus(failed, "hold_credit"));
    }

    @Test
    void aTransactionalStepsWritesCommitExactlyOnceWithItsCompletion() {
        Run run = squidMesh.startRun("it_ledger", Map.of("fail_commit_once", true));
        String id = run.id().toString();

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        StepRun post = done.stepRuns().get(0);
        assertEquals(List.of("failed", "completed"), post.attempts().stream().map(StepAttempt::status).toList());
        assertEquals("transactional step could not commit: forced failure while committing the ledger step",
                post.attempts().get(0).error().get("message"));
        assertEquals(List.of("reserve@2", "capture@2"), ledger.entries(id),
                "the first attempt's rows rolled back with its failed commit");
        assertEquals(Map.of("status", "committed", "entries", 2), done.context().get("ledger"));

        driver.sendPayload(Payload.step(run.id(), "post_entries").toMap(), Map.of("run_id", id));
        driver.perform(Payload.step(run.id(), "post_entries").toMap(), "redelivered");
        assertEquals(List.of("reserve@2", "capture@2"), ledger.entries(id), "a late delivery writes nothing");
        assertEquals(2, Probe.count(id, "post_entries"));
    }

    @Test
    void aFailingTransactionalStepLeavesNoRowsAndFailsTheRun() {
        Run run = squidMesh.startRun("it_ledger", Map.of("fail_after_reserve", true));
        String id = run.id().toString();

        Run failed = Await.status(squidMesh, id, RunStatus.FAILED);
        assertEquals("post_entries", failed.currentStep());
        assertEquals(Map.of("message", "local ledger capture failed", "retryable?", false), failed.lastError());
        assertEquals(List.of(), ledger.entries(id));
    }

    private static String compensationStatus(Run run, String step) {
        return run.stepRuns().stream().filter(r -> r.step().equals(step)).findFirst()
                .map(r -> r.recovery() == null ? null : (Map<?, ?>) r.recovery().get("compensation"))
                .map(c -> (String) c.get("status")).orElse(null);
    }
}
