package io.squidmesh.it.limits;

import io.squidmesh.Run;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunStatus;
import io.squidmesh.StartOptions;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.Probe;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workflow concurrency limits and run priorities: however many runs start, at most the limit's number of their
 * steps execute at once; the others wait in the database and are handed the freed slots in order of priority, then
 * age.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(ConcurrencyIT.class, Metered.class, LimitedToTwo.class, Gated.class,
                LimitedToOne.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    /** Counts the attempts executing at once, and the most ever seen; each takes 150 ms. */
    @ApplicationScoped
    public static class Metered implements Step {
        static final AtomicInteger NOW = new AtomicInteger();
        static final AtomicInteger MOST = new AtomicInteger();
        static final AtomicInteger DONE = new AtomicInteger();

        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            MOST.accumulateAndGet(NOW.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } finally {
                NOW.decrementAndGet();
                DONE.incrementAndGet();
            }
            return StepResult.ok();
        }
    }

    // tag::concurrency[]
    @ApplicationScoped
    public static class LimitedToTwo implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("cc_fragile_downstream").trigger(manual("cc_fragile_downstream"))
                    .concurrency(2) // at most two of its steps execute at once, on all nodes together
                    .step("call", Metered.class)
                    .step("confirm", Metered.class)
                    .transition("call", OK, "confirm")
                    .transition("confirm", OK, COMPLETE)
                    .build();
        }
    }
    // end::concurrency[]

    /** Records the order runs execute in; the run named in the payload as {@code hold} holds until its gate opens. */
    @ApplicationScoped
    public static class Gated implements Step {
        static final List<String> ORDER = Collections.synchronizedList(new ArrayList<>());

        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            ORDER.add(String.valueOf(input.get("label")));
            if (Boolean.TRUE.equals(input.get("hold"))) {
                Probe.hold(context.runId());
            }
            return StepResult.ok();
        }
    }

    @ApplicationScoped
    public static class LimitedToOne implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("cc_one_at_a_time")
                    .trigger(manual("cc_one_at_a_time").field("label", io.squidmesh.workflow.FieldType.STRING)
                            .field("hold", io.squidmesh.workflow.FieldType.BOOLEAN, defaultValue(false)))
                    .concurrency(1)
                    .step("call", Gated.class, s -> s.input("label", "hold"))
                    .transition("call", OK, COMPLETE)
                    .build();
        }
    }

    @Test
    void twentyRunsNeverExecuteMoreThanTwoStepsAtOnce() {
        Metered.MOST.set(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(squidMesh.startRun("cc_fragile_downstream", Map.of()).id().toString());
        }
        for (String id : ids) {
            Await.until("run " + id + " to complete", () -> squidMesh.inspectRun(id), run -> run.status() == RunStatus.COMPLETED,
                    Duration.ofSeconds(90));
        }
        System.out.println("cc_fragile_downstream: 20 runs, 40 steps; most steps executing at once: "
                + Metered.MOST.get() + " (limit 2)");
        assertEquals(2, Metered.MOST.get(), "the limit held, and was used");
    }

    @Test
    void freedSlotsGoToTheWaitingStepsByPriorityThenAge() throws InterruptedException {
        Gated.ORDER.clear();
        Run blocker = start("blocker", true, 4);
        assertTrue(Probe.awaitHeld(blocker.id(), 30), "the first run took the only slot");
        List<Run> waiting = new ArrayList<>();
        for (Object[] run : new Object[][] {{"low", 1}, {"urgent", 9}, {"mid", 5}, {"urgent-later", 9}, {"lower", 3}}) {
            waiting.add(start((String) run[0], false, (Integer) run[1]));
            // each is older than the next: ties of priority go by age
        }
        for (Run run : waiting) {
            RunExplanation explained = Await.until("run " + run.id() + " to wait for a slot",
                    () -> squidMesh.explainRun(run.id().toString()), e -> "waiting_for_slot".equals(e.reason()),
                    Duration.ofSeconds(30));
            assertEquals("call", explained.step());
            assertEquals(1, explained.details().get("concurrency_limit"));
            assertEquals(List.of("wait_for_step", "cancel_run"), explained.nextActions());
        }
        assertEquals(List.of("blocker"), Gated.ORDER, "nobody overtook the run holding the slot");

        Probe.open(blocker.id());
        for (Run run : waiting) {
            Await.until("run " + run.id() + " to complete", () -> squidMesh.inspectRun(run.id().toString()),
                    r -> r.status() == RunStatus.COMPLETED, Duration.ofSeconds(30));
        }
        assertEquals(List.of("blocker", "urgent", "urgent-later", "mid", "lower", "low"), Gated.ORDER);
    }

    @Test
    void aPriorityOutsideZeroToNineIsRefusedAndNothingStarts() {
        io.squidmesh.SquidMeshException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.squidmesh.SquidMeshException.class, () -> squidMesh.startRun("cc_one_at_a_time",
                        Map.of("label", "x"), StartOptions.defaults().priority(10)));
        assertEquals("invalid_priority", refused.code());
        assertEquals("priority", refused.details().get("field"));
    }

    private Run start(String label, boolean hold, int priority) {
        Run run = squidMesh.startRun("cc_one_at_a_time", Map.of("label", label, "hold", hold),
                StartOptions.defaults().priority(priority)).run();
        assertEquals(priority, run.priority());
        return run;
    }
}
