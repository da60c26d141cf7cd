package io.squidmesh.examples.webhook;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.awaitEvent;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Authorises a payment, then waits for the provider's {@code payment_confirmed} webhook (sent to
 * {@code POST /api/workflows/payment_webhook/runs/{key}/events/payment_confirmed} with the order's run key): its
 * payload is the step's output, and the payment is captured. Without a confirmation within 15 minutes the run
 * takes the error route and voids the authorisation. The wait holds no thread and no message.
 */
@ApplicationScoped
public class PaymentWebhook implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("payment_webhook")
                .trigger(manual("payment_webhook")
                        .field("order_id", STRING)
                        .field("amount_cents", INTEGER))
                .step("authorise", AuthorisePayment.class, s -> s.output("authorisation"))
                .step("await_confirmation", awaitEvent("payment_confirmed", Duration.ofMinutes(15)),
                        s -> s.output("confirmation"))
                .step("capture", CapturePayment.class, s -> s.output("capture"))
                .step("void_authorisation", VoidAuthorisation.class, s -> s.output("void"))
                .transition("authorise", OK, "await_confirmation")
                .transition("await_confirmation", OK, "capture")
                .transition("await_confirmation", ERROR, "void_authorisation")
                .transition("capture", OK, COMPLETE)
                .transition("void_authorisation", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
