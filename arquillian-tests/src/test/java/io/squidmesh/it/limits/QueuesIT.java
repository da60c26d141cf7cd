package io.squidmesh.it.limits;

import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowBuilder;
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
import java.util.List;
import java.util.Map;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workflow on its own queue: a burst of slow runs there leaves the default queue's consumers free, so a fast
 * workflow keeps its latency; the same burst on the default queue delays it (the control, measured in the same run).
 */
@ExtendWith(ArquillianExtension.class)
class QueuesIT {

    private static final int SLOW_RUNS = 16;

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(QueuesIT.class, SlowLane.class, Sleep.class, SlowOnItsQueue.class,
                SlowOnDefault.class, Fast.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    /** A slow gateway: 1.5 s. */
    @ApplicationScoped
    public static class Sleep implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            Thread.sleep(1_500);
            return StepResult.ok();
        }
    }

    /** A quick step. */
    @ApplicationScoped
    public static class Quick implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }

    private static WorkflowBuilder slow(String name) {
        return workflow(name).trigger(manual(name))
                .step("call_gateway", Sleep.class)
                .step("confirm", Sleep.class)
                .transition("call_gateway", OK, "confirm")
                .transition("confirm", OK, COMPLETE);
    }

    // tag::queue[]
    @ApplicationScoped
    public static class SlowOnItsQueue implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return slow("q_slow_lane").queue("slow").build(); // consumed by SlowLane, not by the default queue's
        }
    }
    // end::queue[]

    @ApplicationScoped
    public static class SlowOnDefault implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return slow("q_slow_default").build();
        }
    }

    @ApplicationScoped
    public static class Fast implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("q_fast").trigger(manual("q_fast"))
                    .step("a", Quick.class).step("b", Quick.class).step("c", Quick.class)
                    .transition("a", OK, "b").transition("b", OK, "c").transition("c", OK, COMPLETE)
                    .build();
        }
    }

    @Test
    void slowWorkOnItsOwnQueueDoesNotDelayAFastWorkflowOnTheDefaultQueue() {
        long alone = fastRun();
        long besideOwnQueue = fastRunBehind("q_slow_lane");
        long besideDefaultQueue = fastRunBehind("q_slow_default");
        System.out.println("QUEUES a 3-step q_fast run: alone " + alone + " ms; with " + SLOW_RUNS
                + " slow runs (2 x 1.5 s steps) on their own queue (2 consumers) " + besideOwnQueue
                + " ms; with the same runs on the default queue (8 consumers) " + besideDefaultQueue + " ms");
        assertTrue(besideOwnQueue < 1_500, "the slow queue did not delay the fast run: " + besideOwnQueue + " ms");
        assertTrue(besideDefaultQueue >= 1_500, "control: on one queue the slow runs do delay it: "
                + besideDefaultQueue + " ms");
    }

    @Test
    void aWorkflowsQueueIsInItsDescription() {
        assertEquals("slow", squidMesh.workflow("q_slow_lane").orElseThrow().describe().get("queue"));
        assertEquals(null, squidMesh.workflow("q_fast").orElseThrow().describe().get("queue"));
    }

    /** Starts the slow runs, then measures a fast run started while they hold (or wait for) consumers. */
    private long fastRunBehind(String slowWorkflow) {
        List<Run> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_RUNS; i++) {
            slow.add(squidMesh.startRun(slowWorkflow, Map.of()));
        }
        Await.until("slow runs of " + slowWorkflow + " to hold consumers", () -> slow.stream()
                .filter(r -> squidMesh.inspectRun(r.id().toString()).status() == RunStatus.RUNNING).count(),
                running -> running >= 2, Duration.ofSeconds(30));
        long latency = fastRun();
        for (Run run : slow) {
            Await.until("slow run " + run.id() + " to complete", () -> squidMesh.inspectRun(run.id().toString()),
                    r -> r.status() == RunStatus.COMPLETED, Duration.ofSeconds(60));
        }
        return latency;
    }

    /** Starts a q_fast run and answers how long it took to complete (ms), polled every 50 ms. */
    private long fastRun() {
        long start = System.nanoTime();
        String id = squidMesh.startRun("q_fast", Map.of()).id().toString();
        Await.until("q_fast run " + id + " to complete", () -> squidMesh.inspectRun(id),
                r -> r.status() == RunStatus.COMPLETED, Duration.ofSeconds(60));
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
