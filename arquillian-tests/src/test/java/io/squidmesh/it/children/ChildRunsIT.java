package io.squidmesh.it.children;

import io.squidmesh.Run;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunStatus;
import io.squidmesh.StepRun;
import io.squidmesh.executor.Payload;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Child runs: a {@code child_run} step starts another workflow's run once however often it is delivered, waits for
 * its end without a thread, continues with the child's context or fails with the child; cancelling the parent
 * cancels the child; both link to each other.
 */
@ExtendWith(ArquillianExtension.class)
class ChildRunsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(ChildRunsIT.class, ChildWorkflows.class, ChildWorkflows.Shipment.class,
                ChildWorkflows.FailingShipment.class, ChildWorkflows.Order.class,
                ChildWorkflows.OrderWithFailingChild.class, ChildWorkflows.DetachedOrder.class,
                ChildWorkflows.UnmappedOrder.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Test
    void theParentWaitsForItsOneChildAndGoesOnWithTheChildsContext() {
        String parent = squidMesh.startRun("ch_order", Map.of("order_id", "o-1")).id().toString();
        RunExplanation waiting = awaitReason(parent, "waiting_for_child");
        assertEquals("ship_order", waiting.step());
        String child = (String) waiting.details().get("child_run_id");
        assertEquals("ch_shipment", waiting.details().get("workflow"));

        // the step delivered again (a duplicate, a watchdog nudge): still one child, the step still waits
        driver.perform(Payload.step(java.util.UUID.fromString(parent), "ship_order").toMap(), "duplicate-1");
        driver.perform(Payload.step(java.util.UUID.fromString(parent), "ship_order").toMap(), "duplicate-2");
        Run parentView = squidMesh.inspectRun(parent, true);
        assertEquals(1, parentView.children().size(), parentView.children()::toString);
        assertEquals(child, parentView.children().get(0).id().toString());
        assertEquals(1, stepRun(parentView, "ship_order").attempts().size());

        Run childView = squidMesh.inspectRun(child);
        assertEquals(parent, childView.parentRunId().toString());
        assertEquals("ship_order", childView.parentStep());
        assertEquals(Map.of("order_id", "o-1"), childView.payload());

        awaitReason(child, "waiting_for_event");
        squidMesh.signalRun(child, "shipped", Map.of("carrier", "dhl"), null);
        Run done = Await.status(squidMesh, parent, RunStatus.COMPLETED);
        @SuppressWarnings("unchecked")
        Map<String, Object> shipment = (Map<String, Object>) done.context().get("shipment");
        assertEquals(Map.of("carrier", "dhl"), shipment.get("shipping"));
        assertTrue(shipment.containsKey("pack"), shipment::toString);
        assertEquals(RunStatus.COMPLETED, squidMesh.inspectRun(child).status());
    }

    @Test
    void aFailedChildFailsTheStepAndTheErrorRouteFollows() {
        String parent = squidMesh.startRun("ch_order_refund", Map.of("order_id", "o-2")).id().toString();
        Run done = Await.status(squidMesh, parent, RunStatus.COMPLETED);
        StepRun shipped = stepRun(squidMesh.inspectRun(parent, true), "ship_order");
        assertEquals("failed", shipped.status());
        assertEquals("child_failed", shipped.lastError().get("reason"));
        String child = (String) shipped.lastError().get("child_run_id");
        assertEquals(RunStatus.FAILED, squidMesh.inspectRun(child).status());
        assertTrue(String.valueOf(shipped.lastError().get("child_error")).contains("card declined"),
                shipped.lastError()::toString);
        assertEquals(Map.of("order_id", "o-2", "step", "refund", "attempt", 1), done.context().get("refund"));
    }

    @Test
    void aDetachedChildLeavesTheParentToGoOnAtOnce() {
        String parent = squidMesh.startRun("ch_order_detached", Map.of("order_id", "o-3")).id().toString();
        Run done = Await.status(squidMesh, parent, RunStatus.COMPLETED);
        @SuppressWarnings("unchecked")
        String child = (String) ((Map<String, Object>) done.context().get("spawned")).get("child_run_id");
        Run childView = squidMesh.inspectRun(child);
        assertEquals(parent, childView.parentRunId().toString());
        assertTrue(List.of(RunStatus.PENDING, RunStatus.RUNNING).contains(childView.status()), childView::toString);
        squidMesh.cancelRun(child);
    }

    @Test
    void cancellingTheParentCancelsTheChildItWaitsFor() {
        String parent = squidMesh.startRun("ch_order", Map.of("order_id", "o-4")).id().toString();
        String child = (String) awaitReason(parent, "waiting_for_child").details().get("child_run_id");
        awaitReason(child, "waiting_for_event");

        Run cancelled = squidMesh.cancelRun(parent);
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(RunStatus.CANCELLED, squidMesh.inspectRun(child).status());
        StepRun shipped = stepRun(squidMesh.inspectRun(parent, true), "ship_order");
        assertEquals("failed", shipped.status());
        assertEquals("cancelled", shipped.lastError().get("reason"));
    }

    @Test
    void anInputTheChildsTriggerRefusesFailsTheStepNamingTheFields() {
        String parent = squidMesh.startRun("ch_order_unmapped", Map.of("order_id", "o-5")).id().toString();
        Run failed = Await.status(squidMesh, parent, RunStatus.FAILED);
        assertEquals("child_payload_invalid", failed.lastError().get("reason"));
        assertTrue(String.valueOf(failed.lastError().get("errors")).contains("reservation"),
                failed.lastError()::toString);
        assertTrue(squidMesh.inspectRun(parent, true).children().isEmpty());
        assertNull(squidMesh.inspectRun(parent).parentRunId());
    }

    private RunExplanation awaitReason(String runId, String reason) {
        return Await.until("run " + runId + " to be " + reason, () -> squidMesh.explainRun(runId),
                e -> reason.equals(e.reason()), Duration.ofSeconds(30));
    }

    private static StepRun stepRun(Run run, String step) {
        return run.stepRuns().stream().filter(row -> step.equals(row.step())).findFirst()
                .orElseThrow(() -> new AssertionError("no step run " + step + " in " + run));
    }
}
