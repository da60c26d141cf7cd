package io.squidmesh.it.recovery;

import io.squidmesh.AuditEvent;
import io.squidmesh.InvalidManualActionException;
import io.squidmesh.InvalidStepException;
import io.squidmesh.InvalidTransitionException;
import io.squidmesh.ManualAction;
import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause and approval gates (SPEC §6.8, §6.9, §8): persisted resume metadata, decisions, audit trail, cancellation. */
@ExtendWith(ArquillianExtension.class)
class ManualActionsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(ManualActionsIT.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Test
    void aPauseWaitsForUnblockAndTheAuditTrailRecordsWhoAndWhy() {
        Run run = squidMesh.startRun("it_pause", Map.of("account_id", "acc-9"));
        String id = run.id().toString();
        Run paused = Await.status(squidMesh, id, RunStatus.PAUSED);
        assertEquals("hold_on", paused.currentStep());
        assertEquals(List.of("completed", "running", StepState.WAITING),
                paused.steps().stream().map(StepState::status).toList());
        assertEquals(List.of(new AuditEvent("paused", "hold_on", null, null, null,
                paused.stepRuns().get(1).insertedAt())), paused.auditEvents());

        Run resumed = squidMesh.unblockRun(id, ManualAction.by("ops_123").comment("resume requested")
                .metadata(Map.of("ticket", "ops-123")));
        assertEquals(RunStatus.RUNNING, resumed.status());
        assertEquals("after_pause", resumed.currentStep());

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(Map.of(), done.context().get("resume"), "the pause step's mapped empty output");
        assertEquals(Map.of("account_id", "acc-9", "step", "after_pause", "attempt", 1), done.context().get("after"));
        List<AuditEvent> audit = done.auditEvents();
        assertEquals(2, audit.size());
        assertEquals("paused", audit.get(0).type());
        AuditEvent unblocked = audit.get(1);
        assertEquals(List.of("resumed", "hold_on", "ops_123", "resume requested"),
                Arrays.asList(unblocked.type(), unblocked.step(), unblocked.actor(), unblocked.comment()));
        assertEquals(Map.of("ticket", "ops-123"), unblocked.metadata());
        StepRun hold = done.stepRuns().get(1);
        assertEquals(List.of("completed"), hold.attempts().stream().map(a -> a.status()).toList());
    }

    @Test
    void manualActionsCheckTheirInputAndTheRunsStateBeforeChangingAnything() {
        Run run = squidMesh.startRun("it_pause", Map.of("account_id", "checks"));
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.PAUSED);

        InvalidManualActionException bad = assertThrows(InvalidManualActionException.class,
                () -> squidMesh.unblockRun(id, new ManualAction("", "", List.of())));
        assertEquals("invalid_resume", bad.code());
        assertEquals(Map.of("actor", "invalid", "comment", "string", "metadata", "map"), bad.details().get("errors"));

        InvalidStepException wrongKind = assertThrows(InvalidStepException.class,
                () -> squidMesh.approveRun(id, ManualAction.by("ops")));
        assertEquals("invalid_step", wrongKind.code());
        assertEquals(RunStatus.PAUSED, squidMesh.inspectRun(id).status(), "nothing changed");

        squidMesh.unblockRun(id, ManualAction.none());
        Await.status(squidMesh, id, RunStatus.COMPLETED);
        InvalidTransitionException late = assertThrows(InvalidTransitionException.class,
                () -> squidMesh.unblockRun(id, ManualAction.none()));
        assertEquals(Map.of("run_id", id, "from", "completed", "to", "running"), late.details());
    }

    @Test
    void approvalGoesOnAlongTheOkTransitionWithTheDecisionInTheContext() {
        Run run = squidMesh.startRun("it_approval", Map.of("account_id", "acc-1"));
        String id = run.id().toString();
        Run paused = Await.status(squidMesh, id, RunStatus.PAUSED);
        assertEquals(List.of("wait_for_approval", "record_approval", "record_rejection"),
                paused.steps().stream().map(StepState::step).toList());
        assertEquals(List.of("running", StepState.WAITING, StepState.WAITING),
                paused.steps().stream().map(StepState::status).toList());

        InvalidManualActionException noActor = assertThrows(InvalidManualActionException.class,
                () -> squidMesh.approveRun(id, ManualAction.none()));
        assertEquals("invalid_review", noActor.code());
        assertEquals(Map.of("actor", "required"), noActor.details().get("errors"));

        Run approved = squidMesh.approveRun(id, ManualAction.by("ops_smoke").comment("approved")
                .metadata(Map.of("ticket", "SMOKE-1")));
        assertEquals(RunStatus.RUNNING, approved.status());
        assertEquals("record_approval", approved.currentStep());

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        @SuppressWarnings("unchecked")
        Map<String, Object> approval = (Map<String, Object>) done.context().get("approval");
        assertEquals("acc-1", approval.get("account_id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) approval.get("approval");
        assertEquals("approved", decision.get("decision"));
        assertEquals("ops_smoke", decision.get("actor"));
        assertEquals("approved", decision.get("comment"));
        assertEquals(List.of("paused", "approved"), done.auditEvents().stream().map(AuditEvent::type).toList());
        AuditEvent event = done.auditEvents().get(1);
        assertEquals(List.of("wait_for_approval", "ops_smoke", "approved"),
                Arrays.asList(event.step(), event.actor(), event.comment()));
        assertEquals(Map.of("ticket", "SMOKE-1"), event.metadata());
    }

    @Test
    void rejectionGoesOnAlongTheErrorTransition() {
        Run run = squidMesh.startRun("it_approval", Map.of("account_id", "acc-2"));
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.PAUSED);

        Run rejected = squidMesh.rejectRun(id, ManualAction.by("ops_456"));
        assertEquals("record_rejection", rejected.currentStep());
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) ((Map<String, Object>) done.context().get("approval"))
                .get("approval");
        assertEquals("rejected", decision.get("decision"));
        assertEquals(List.of("paused", "rejected"), done.auditEvents().stream().map(AuditEvent::type).toList());
        assertEquals("ops_456", done.auditEvents().get(1).actor());
        assertEquals(List.of("wait_for_approval", "record_rejection"),
                done.stepRuns().stream().map(StepRun::step).toList());
    }

    @Test
    void cancellingAPausedRunEndsItAndFailsTheWaitingStep() {
        Run run = squidMesh.startRun("it_approval", Map.of("account_id", "acc-3"));
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.PAUSED);

        Run cancelled = squidMesh.cancelRun(id);
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertNull(cancelled.currentStep());
        Run after = squidMesh.inspectRun(id, true);
        StepRun gate = after.stepRuns().get(0);
        assertEquals("failed", gate.status());
        assertEquals(Map.of("message", "run cancelled while paused", "reason", "cancelled"), gate.lastError());
        assertEquals("failed", gate.attempts().get(0).status());
        assertEquals(List.of("paused"), after.auditEvents().stream().map(AuditEvent::type).toList());
        InvalidTransitionException stale = assertThrows(InvalidTransitionException.class,
                () -> squidMesh.approveRun(id, ManualAction.by("late")));
        assertEquals("cancelled", stale.details().get("from"));
    }

    @Test
    void persistedResumeMetadataWinsOverTheCurrentDefinition() {
        Run run = squidMesh.startRun("it_pause", Map.of("account_id", "redeployed"));
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.PAUSED);
        driver.rewriteResume(run.id(), "hold_on", Map.of("output", Map.of("note", "from an older deployment"),
                "target", "__complete__"));

        Run resumed = squidMesh.unblockRun(id, ManualAction.none());
        assertEquals(RunStatus.COMPLETED, resumed.status());
        assertEquals("from an older deployment", resumed.context().get("note"));
        assertTrue(squidMesh.inspectRun(id, true).stepRuns().stream().noneMatch(r -> r.step().equals("after_pause")));
    }
}
