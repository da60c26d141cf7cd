package io.squidmesh.examples.fulfilment;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** Books a carrier for an order; a workflow of its own, started by {@code order_fulfilment} (or by anyone). */
@ApplicationScoped
public class Shipment implements WorkflowDefinition {

    @Override
    public Workflow define() {
        return workflow("shipment")
                .trigger(manual("shipment").field("order_id", STRING).field("address", STRING))
                .step("book_carrier", BookCarrier.class, s -> s.output("booking"))
                .transition("book_carrier", OK, COMPLETE)
                .build();
    }
}
