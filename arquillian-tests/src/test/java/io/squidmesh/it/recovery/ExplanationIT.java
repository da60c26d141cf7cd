package io.squidmesh.it.recovery;

import io.squidmesh.ManualAction;
import io.squidmesh.Run;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunStatus;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.ServerManagement;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.Probe;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * explain_run (SPEC §9) on real runs in each state a delivery can leave them in. Rows that need a broken
 * deployment (an unloadable workflow) are covered by the unit tests of the decision table.
 */
@ExtendWith(ArquillianExtension.class)
class ExplanationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(ExplanationIT.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Test
    void settledRunsOfferReplayUnlessAStepForbidsIt() {
        Run done = completed("it_linear", Map.of("account_id", "explained"));
        RunExplanation completed = squidMesh.explainRun(done.id().toString());
        assertEquals(List.of("completed", "replay_run"), List.of(completed.reason(), completed.nextActions().get(0)));
        assertEquals(Map.of("allowed?", true), completed.details().get("replay"));
        assertEquals(done.id().toString(), ((Map<?, ?>) completed.evidence().get("run")).get("id"));

        Run shipped = completed("it_shipping", Map.of("order_id", "o-9"));
        RunExplanation blocked = squidMesh.explainRun(shipped.id().toString());
        assertEquals(List.of(), blocked.nextActions());
        Map<?, ?> replay = (Map<?, ?>) blocked.details().get("replay");
        assertEquals(false, replay.get("allowed?"));
        assertEquals("allow_irreversible", replay.get("required_override"));
        assertEquals("ship", ((Map<?, ?>) ((List<?>) replay.get("blocked_by")).get(0)).get("step"));
    }

    @Test
    void failedRunsTellRetryExhaustionFromAPlainFailure() {
        Run exhausted = Await.status(squidMesh, squidMesh.startRun("it_retry", Map.of("failures", 5)).id().toString(),
                RunStatus.FAILED);
        RunExplanation retry = squidMesh.explainRun(exhausted.id().toString());
        assertEquals("retry_exhausted", retry.reason());
        assertEquals("flaky", retry.step());
        assertEquals(3, retry.details().get("max_attempts"));
        assertEquals(3, retry.details().get("latest_attempt_number"));
        assertEquals(List.of("replay_run"), retry.nextActions());
        assertEquals(3, ((Map<?, ?>) retry.evidence().get("attempt")).get("attempt_number"));

        Run failed = Await.status(squidMesh, squidMesh.startRun("it_failing", Map.of()).id().toString(), RunStatus.FAILED);
        RunExplanation plain = squidMesh.explainRun(failed.id().toString());
        assertEquals("step_failed", plain.reason());
        assertEquals("explode", plain.step());
        assertEquals("boom in explode", ((Map<?, ?>) plain.details().get("last_error")).get("message"));
        assertTrue(!plain.nextActions().contains("cancel_run"));
    }

    @Test
    void aRetryingRunWaitsForItsNextAttempt() {
        Run run = squidMesh.startRun("it_retry", Map.of("failures", 2));
        Await.status(squidMesh, run.id().toString(), RunStatus.RETRYING);
        RunExplanation explanation = squidMesh.explainRun(run.id().toString());
        assertEquals("waiting_for_retry", explanation.reason());
        assertEquals("flaky", explanation.step());
        assertTrue((Integer) explanation.details().get("next_attempt_number") >= 2);
        assertEquals(List.of("wait_for_retry", "cancel_run"), explanation.nextActions());
    }

    @Test
    void pausedRunsNameTheActionTheyWaitFor() {
        Run paused = Await.status(squidMesh, squidMesh.startRun("it_pause", Map.of("account_id", "p")).id().toString(),
                RunStatus.PAUSED);
        RunExplanation pause = squidMesh.explainRun(paused.id().toString());
        assertEquals(List.of("paused_for_manual_action", "hold_on"), List.of(pause.reason(), pause.step()));
        assertEquals(Map.of("resume_target", "after_pause"), pause.details());
        assertEquals(List.of("unblock_run", "cancel_run"), pause.nextActions());
        assertEquals("pause", ((Map<?, ?>) ((Map<?, ?>) pause.evidence().get("step_run")).get("resume")).get("kind"));

        Run review = Await.status(squidMesh, squidMesh.startRun("it_approval", Map.of("account_id", "a"))
                .id().toString(), RunStatus.PAUSED);
        RunExplanation approval = squidMesh.explainRun(review.id().toString());
        assertEquals("paused_for_approval", approval.reason());
        assertEquals(Map.of("approval_targets", Map.of("ok", "record_approval", "error", "record_rejection")),
                approval.details());
        assertEquals(List.of("approve_run", "reject_run", "cancel_run"), approval.nextActions());

        driver.rewriteResume(paused.id(), "hold_on", Map.of("output", Map.of(), "target", "gone_step"));
        RunExplanation invalid = squidMesh.explainRun(paused.id().toString());
        assertEquals("paused_with_invalid_resume_target", invalid.reason());
        assertEquals(List.of("cancel_run"), invalid.nextActions());

        driver.clearResume(review.id(), "wait_for_approval");
        RunExplanation missing = squidMesh.explainRun(review.id().toString());
        assertEquals("paused_with_missing_resume_metadata", missing.reason());
        assertEquals(Map.of("resume", "missing"), missing.details());
        assertEquals(List.of("cancel_run"), missing.nextActions());
        squidMesh.approveRun(review.id().toString(), ManualAction.by("ops")); // falls back to the definition
        Await.status(squidMesh, review.id().toString(), RunStatus.COMPLETED);
    }

    @Test
    void activeRunsTellWhatTheyWaitFor() throws Exception {
        Run held = squidMesh.startRun("it_held", Map.of());
        assertTrue(Probe.awaitHeld(held.id(), 30));
        RunExplanation running = squidMesh.explainRun(held.id().toString());
        assertEquals(List.of("step_running", "hold"), List.of(running.reason(), running.step()));
        assertEquals("skip_while_running", running.details().get("duplicate_delivery_policy"));
        Map<?, ?> lease = (Map<?, ?>) running.details().get("lease");
        assertEquals(true, lease.get("live"), running.details()::toString);
        assertTrue(java.time.Instant.parse((String) lease.get("until")).isAfter(java.time.Instant.now()),
                "the lease runs ahead of now while the step executes: " + lease);
        assertEquals(List.of("wait_for_step", "cancel_run"), running.nextActions());

        squidMesh.cancelRun(held.id().toString());
        RunExplanation cancelling = squidMesh.explainRun(held.id().toString());
        assertEquals("cancelling", cancelling.reason());
        assertEquals(List.of("wait_for_cancellation"), cancelling.nextActions());
        Probe.open(held.id());
        Await.status(squidMesh, held.id().toString(), RunStatus.CANCELLED);
        assertEquals(List.of("cancelled", "replay_run"), List.of(squidMesh.explainRun(held.id().toString()).reason(),
                squidMesh.explainRun(held.id().toString()).nextActions().get(0)));

        Run pending;
        Run fanOut;
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(ServerManagement.QUEUE);
            try {
                pending = squidMesh.startRun("it_linear", Map.of("account_id", "queued"));
                fanOut = squidMesh.startRun("it_fan_out", Map.of("order_id", "queued"));
                RunExplanation waiting = squidMesh.explainRun(pending.id().toString());
                assertEquals(List.of("pending_dispatch", "load"), List.of(waiting.reason(), waiting.step()));
                assertEquals(List.of("wait_for_step", "cancel_run"), waiting.nextActions());

                RunExplanation dependencies = squidMesh.explainRun(fanOut.id().toString());
                assertEquals("waiting_for_dependencies", dependencies.reason());
                assertEquals("join", dependencies.step());
                assertEquals(List.of("a", "b", "c"), dependencies.details().get("waiting_on"));
                assertEquals(Map.of("a", "pending", "b", "pending", "c", "pending"),
                        dependencies.details().get("dependency_statuses"));
                assertEquals(List.of("wait_for_dependencies", "cancel_run"), dependencies.nextActions());
                assertEquals(4, ((List<?>) dependencies.evidence().get("steps")).size());
            } finally {
                management.resume(ServerManagement.QUEUE);
            }
        }
        Await.status(squidMesh, pending.id().toString(), RunStatus.COMPLETED);
        Await.status(squidMesh, fanOut.id().toString(), RunStatus.COMPLETED);
    }

    private Run completed(String workflow, Map<String, Object> payload) {
        return Await.status(squidMesh, squidMesh.startRun(workflow, payload).id().toString(), RunStatus.COMPLETED);
    }
}
