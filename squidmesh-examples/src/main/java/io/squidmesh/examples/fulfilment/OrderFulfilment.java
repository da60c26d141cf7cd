package io.squidmesh.examples.fulfilment;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.childRun;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Reserves the stock of an order, ships it through a {@code shipment} child run (waiting for the child's end
 * without a thread; its context is the step's output) and records the invoice. Cancelling the order cancels its
 * shipment; a failed shipment fails the order.
 */
@ApplicationScoped
public class OrderFulfilment implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("order_fulfilment")
                .trigger(manual("order_fulfilment").field("order_id", STRING).field("address", STRING))
                .step("reserve_stock", log("stock reserved"))
                .step("ship", childRun("shipment"), s -> s.input("order_id", "address").output("shipment"))
                .step("invoice", log("invoice recorded"))
                .transition("reserve_stock", OK, "ship")
                .transition("ship", OK, "invoice")
                .transition("invoice", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
