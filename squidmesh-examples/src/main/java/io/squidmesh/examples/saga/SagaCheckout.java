package io.squidmesh.examples.saga;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Reserves stock, authorizes the payment, then captures it. The capture is declined on both of its attempts,
 * which fails the run; the engine then voids the authorization and releases the stock, in that order, and
 * records each compensation on its step.
 */
@ApplicationScoped
public class SagaCheckout implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("saga_checkout")
                .trigger(manual("saga_checkout").field("account_id", STRING).field("order_id", STRING))
                .step("reserve_inventory", ReserveInventory.class,
                        s -> s.output("inventory_reservation").compensate(ReleaseInventory.class))
                .step("authorize_payment", AuthorizePayment.class,
                        s -> s.output("payment_authorization").compensate(VoidPaymentAuthorization.class))
                .step("capture_payment", CapturePayment.class, s -> s.retry(2))
                .transition("reserve_inventory", OK, "authorize_payment")
                .transition("authorize_payment", OK, "capture_payment")
                .transition("capture_payment", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
