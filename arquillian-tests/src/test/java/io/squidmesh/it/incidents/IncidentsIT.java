package io.squidmesh.it.incidents;

import io.squidmesh.AuditEvent;
import io.squidmesh.DeadLetter;
import io.squidmesh.Incidents;
import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshException;
import io.squidmesh.StuckRun;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.ServerManagement;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.squidmesh.it.support.ServerManagement.DLQ;
import static io.squidmesh.it.support.ServerManagement.QUEUE;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's incidents: a run whose work an operator moved to the dead-letter queue in the console shows there
 * (with no engine reason) and does not move; redriving the dead letter sends it back to its queue, the run completes,
 * and the audit trail records it (DashboardIT does the same through the page, and the trail names the operator); a second redrive of the same letter is {@code not_found}. A run whose
 * queued work is overdue is listed as stuck.
 */
@ExtendWith(ArquillianExtension.class)
class IncidentsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(IncidentsIT.class, Errand.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Test
    void aDeadLetterIsListedThenRedrivenItsRunCompletesAndTheRedriveIsAudited() throws Exception {
        Run run = startWithItsWorkInTheDeadLetterQueue("redrive");

        DeadLetter letter = letterOf(squidMesh.incidents(100), run);
        assertEquals("step", letter.kind());
        assertEquals("incidents_errand", letter.workflow());
        assertEquals("fetch", letter.step());
        assertNull(letter.reason(), "the engine did not give up on it: an operator moved it");
        assertEquals(QUEUE, letter.sourceQueue());
        assertEquals(RunStatus.PENDING, squidMesh.inspectRun(run.id().toString()).status(), "its work is aside");
        io.squidmesh.QueueDepth dead = squidMesh.incidents(1).queues().stream()
                .filter(q -> q.role().equals(io.squidmesh.QueueDepth.DEAD_LETTERS)).findFirst().orElseThrow();
        assertEquals(DLQ, dead.queue());
        assertTrue(dead.messages() >= 1, () -> "the dead letter counted: " + dead);
        assertTrue(squidMesh.incidents(1).queues().stream().anyMatch(q -> q.queue().equals(QUEUE)
                && q.role().equals(io.squidmesh.QueueDepth.WORK)), "the work queue counted");

        DeadLetter redriven = squidMesh.redriveDeadLetter(letter.id());
        assertEquals(letter.id(), redriven.id());
        Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED);
        assertTrue(squidMesh.incidents(100).deadLetters().stream().noneMatch(l -> l.id().equals(letter.id())));

        List<AuditEvent> audit = squidMesh.inspectRun(run.id().toString(), true).auditEvents();
        AuditEvent event = audit.stream().filter(e -> e.type().equals("dead_letter_redriven")).findFirst()
                .orElseThrow(() -> new AssertionError("no dead_letter_redriven in " + audit));
        assertNull(event.actor(), "called through OperatorSquidMesh, a @RunAs bean: no caller's name (DashboardIT: a named operator)");
        assertEquals("fetch", event.step());
        assertEquals(letter.id(), event.metadata().get("dead_letter_id"));
        assertEquals(QUEUE, event.metadata().get("queue"));

        SquidMeshException again = assertThrows(SquidMeshException.class, () -> squidMesh.redriveDeadLetter(letter.id()));
        assertEquals("not_found", again.code());
        assertEquals("not_found", assertThrows(SquidMeshException.class,
                () -> squidMesh.redriveDeadLetter("ID:' OR 1=1 OR JMSMessageID='")).code(), "no selector injection");
    }

    @Test
    void aRunWhoseQueuedWorkIsOverdueIsListedAsStuck() throws Exception {
        Run run = startWithItsWorkInTheDeadLetterQueue("stuck");
        try {
            assertTrue(squidMesh.incidents(100).stuckRuns().stream().noneMatch(s -> s.id().equals(run.id())),
                    "not stuck while its work is not yet due");
            Instant overdue = Instant.now().minusSeconds(30);
            driver.setWakeAt(run.id(), overdue);

            StuckRun stuck = squidMesh.incidents(100).stuckRuns().stream().filter(s -> s.id().equals(run.id()))
                    .findFirst().orElseThrow(() -> new AssertionError("run " + run.id() + " is not listed as stuck"));
            assertEquals("incidents_errand", stuck.workflow());
            assertEquals("fetch", stuck.currentStep());
            assertTrue(stuck.expectedBy().isBefore(Instant.now()), () -> "overdue: " + stuck);
        } finally {
            try (ServerManagement management = ServerManagement.connect()) {
                management.removeMessages(DLQ, "run_id='" + run.id() + "'");
            }
            squidMesh.cancelRun(run.id().toString());
        }
    }

    /** Starts a run while the work queue is paused and moves its first step's message to the dead-letter queue. */
    private Run startWithItsWorkInTheDeadLetterQueue(String note) throws Exception {
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(QUEUE);
            Run run;
            try {
                run = squidMesh.startRun("incidents_errand", Map.of("note", note));
                String mine = "run_id='" + run.id() + "'";
                Await.until("the run's work in the queue", () -> management.count(QUEUE, mine), n -> n == 1,
                        Duration.ofSeconds(10));
                assertEquals(1, management.moveMessages(QUEUE, mine, DLQ));
            } finally {
                management.resume(QUEUE);
            }
            return run;
        }
    }

    private static DeadLetter letterOf(Incidents incidents, Run run) {
        return incidents.deadLetters().stream().filter(l -> run.id().equals(l.runId())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter of run " + run.id() + " in " + incidents.deadLetters()));
    }

    /** fetch → complete. */
    @ApplicationScoped
    public static class Errand implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("incidents_errand")
                    .trigger(manual("incidents_errand").field("note", STRING))
                    .step("fetch", TestSteps.Echo.class)
                    .transition("fetch", OK, COMPLETE)
                    .build();
        }
    }
}
