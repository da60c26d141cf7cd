package io.squidmesh.it.guarantees;

import io.squidmesh.Run;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunStatus;
import io.squidmesh.StepRun;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.Probe;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
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

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.awaitEvent;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run deadlines: a run still open when its workflow's deadline passed fails with {@code run_deadline_exceeded},
 * what it did is compensated, and the step it waited at fails with it; a run that ends in time is untouched.
 */
@ExtendWith(ArquillianExtension.class)
class RunDeadlineIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(RunDeadlineIT.class, Waiting.class, Quick.class, Release.class,
                Routed.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    /** Records that it undid the reservation, and the reason the run failed. */
    @ApplicationScoped
    public static class Release implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), "undo:" + ((Map<?, ?>) input.get("failure")).get("reason"));
            return StepResult.ok(Map.of("released", true));
        }
    }

    /** Reserves (compensatable), then waits for an event that never comes; 2 s to finish. */
    @ApplicationScoped
    public static class Waiting implements WorkflowDefinition {
        @Override
        public Workflow define() {
            // tag::deadline[]
            return workflow("dl_waiting").trigger(manual("dl_waiting"))
                    .deadline(Duration.ofSeconds(2))
                    .step("reserve", TestSteps.Echo.class, s -> s.output("reservation")
                            .compensate(Release.class))
                    .step("await_payment", awaitEvent("payment_confirmed"))
                    .transition("reserve", OK, "await_payment")
                    .transition("await_payment", OK, COMPLETE)
                    .build();
            // end::deadline[]
        }
    }

    /** Waits for an event; after 2 s the deadline route gives up politely instead of failing. */
    @ApplicationScoped
    public static class Routed implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("dl_routed").trigger(manual("dl_routed"))
                    .deadline(Duration.ofSeconds(2), "give_up")
                    .step("await_payment", awaitEvent("payment_confirmed"))
                    .step("give_up", TestSteps.Echo.class, s -> s.output("gave_up"))
                    .transition("await_payment", OK, COMPLETE)
                    .transition("give_up", OK, COMPLETE)
                    .build();
        }
    }

    @ApplicationScoped
    public static class Quick implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("dl_quick").trigger(manual("dl_quick"))
                    .deadline(Duration.ofMinutes(10))
                    .step("reserve", TestSteps.Echo.class)
                    .transition("reserve", OK, COMPLETE)
                    .build();
        }
    }

    @Test
    void aRunPastItsDeadlineFailsAndIsCompensated() {
        String id = squidMesh.startRun("dl_waiting", Map.of()).id().toString();
        RunExplanation open = squidMesh.explainRun(id);
        Instant deadline = Instant.parse((String) open.details().get("deadline_at"));
        long left = ((Number) open.details().get("time_left_ms")).longValue();
        assertTrue(left > 0 && left <= 2000, () -> "time left " + left + " ms of a 2 s deadline");
        Run failed = Await.status(squidMesh, id, RunStatus.FAILED, Duration.ofSeconds(90));
        assertEquals(deadline.toString(), failed.lastError().get("deadline_at"));

        assertEquals("run_deadline_exceeded", failed.lastError().get("reason"));
        assertNotNull(failed.lastError().get("deadline_at"));
        Run history = squidMesh.inspectRun(id, true);
        StepRun waited = history.stepRuns().stream().filter(r -> "await_payment".equals(r.step())).findFirst()
                .orElseThrow();
        assertEquals("failed", waited.status());
        assertEquals("run_deadline_exceeded", waited.lastError().get("reason"));
        assertEquals("failed", waited.attempts().get(0).status());
        Await.until("the reservation compensated", () -> Probe.executions(id),
                e -> e.contains("undo:run_deadline_exceeded"), Duration.ofSeconds(30));
        assertEquals(List.of("reserve", "undo:run_deadline_exceeded"), Probe.executions(id));
    }

    @Test
    void aDeadlineRouteGoesOnAtItsStepOnce() {
        String id = squidMesh.startRun("dl_routed", Map.of()).id().toString();
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED, Duration.ofSeconds(90));
        assertNotNull(done.context().get("gave_up"));
        StepRun waited = squidMesh.inspectRun(id, true).stepRuns().stream()
                .filter(r -> "await_payment".equals(r.step())).findFirst().orElseThrow();
        assertEquals("failed", waited.status());
        assertEquals("run_deadline_exceeded", waited.lastError().get("reason"));
        assertEquals(null, squidMesh.explainRun(id).details().get("deadline_at"), "the deadline is spent");
    }

    @Test
    void aRunThatEndsInTimeIsUntouched() {
        String id = squidMesh.startRun("dl_quick", Map.of()).id().toString();
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertTrue(done.lastError() == null, () -> String.valueOf(done.lastError()));
        assertEquals(600_000, squidMesh.workflow("dl_quick").orElseThrow().describe().get("deadline_ms"));
    }
}
