package io.squidmesh.it.children;

import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.awaitEvent;
import static io.squidmesh.workflow.Workflows.childRun;
import static io.squidmesh.workflow.Workflows.detachedChildRun;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** Parents and children for {@link ChildRunsIT}. The child ends when the test sends it {@code shipped}. */
public final class ChildWorkflows {

    private ChildWorkflows() {
    }

    /** The child: pack, then wait for the event {@code shipped}. */
    @ApplicationScoped
    public static class Shipment implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ch_shipment")
                    .trigger(manual("ch_shipment").field("order_id", STRING))
                    .step("pack", TestSteps.Echo.class, s -> s.input("order_id").output("pack"))
                    .step("ship", awaitEvent("shipped"), s -> s.output("shipping"))
                    .transition("pack", OK, "ship")
                    .transition("ship", OK, COMPLETE)
                    .build();
        }
    }

    /** A child that fails for good at its first step. */
    @ApplicationScoped
    public static class FailingShipment implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ch_shipment_fails")
                    .trigger(manual("ch_shipment_fails").field("order_id", STRING))
                    .step("pack", TestSteps.Decline.class)
                    .transition("pack", OK, COMPLETE)
                    .build();
        }
    }

    /** reserve → ship_order (child ch_shipment, waited for) → close. */
    @ApplicationScoped
    public static class Order implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ch_order")
                    .trigger(manual("ch_order").field("order_id", STRING))
                    .step("reserve", TestSteps.Echo.class, s -> s.input("order_id").output("reservation"))
                    .step("ship_order", childRun("ch_shipment"), s -> s.input("order_id").output("shipment"))
                    .step("close", TestSteps.Echo.class, s -> s.input("order_id").output("closed"))
                    .transition("reserve", OK, "ship_order")
                    .transition("ship_order", OK, "close")
                    .transition("close", OK, COMPLETE)
                    .build();
        }
    }

    /** ship_order's child fails: the error route refunds. */
    @ApplicationScoped
    public static class OrderWithFailingChild implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ch_order_refund")
                    .trigger(manual("ch_order_refund").field("order_id", STRING))
                    .step("ship_order", childRun("ch_shipment_fails"), s -> s.input("order_id"))
                    .step("refund", TestSteps.Echo.class, s -> s.input("order_id").output("refund"))
                    .transition("ship_order", OK, COMPLETE)
                    .transition("ship_order", ERROR, "refund")
                    .transition("refund", OK, COMPLETE)
                    .build();
        }
    }

    /** Starts the child and goes on at once. */
    @ApplicationScoped
    public static class DetachedOrder implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ch_order_detached")
                    .trigger(manual("ch_order_detached").field("order_id", STRING))
                    .step("ship_order", detachedChildRun("ch_shipment"), s -> s.input("order_id").output("spawned"))
                    .transition("ship_order", OK, COMPLETE)
                    .build();
        }
    }

    /** No input mapping: the whole state (payload and context) is no payload the child's trigger accepts. */
    @ApplicationScoped
    public static class UnmappedOrder implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ch_order_unmapped")
                    .trigger(manual("ch_order_unmapped").field("order_id", STRING))
                    .step("reserve", TestSteps.Echo.class, s -> s.input("order_id").output("reservation"))
                    .step("ship_order", childRun("ch_shipment"))
                    .transition("reserve", OK, "ship_order")
                    .transition("ship_order", OK, COMPLETE)
                    .build();
        }
    }
}
