package io.squidmesh.examples.payment;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPENSATION;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Loads an invoice, asks the payment gateway about it and notifies the customer. While the gateway fails the
 * check is retried (5 attempts, 1 s apart); after that the run takes the error route and credits the account.
 */
@ApplicationScoped
public class PaymentRecovery implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("payment_recovery")
                .trigger(manual("payment_recovery")
                        .field("account_id", STRING)
                        .field("invoice_id", STRING)
                        .field("attempt_id", STRING)
                        .field("gateway_url", STRING))
                .step("load_invoice", LoadInvoice.class, s -> s.output("invoice"))
                .step("check_gateway_status", CheckGatewayStatus.class, s -> s.output("gateway_check")
                        .retry(5, exponential(1_000, 1_000)))
                .step("issue_gateway_credit", IssueGatewayCredit.class, s -> s.output("compensation"))
                // an e-mail cannot be unsent: replaying a run past this step needs an explicit override
                .step("notify_customer", NotifyCustomer.class, s -> s.output("notification").compensatable(false))
                .transition("load_invoice", OK, "check_gateway_status")
                .transition("check_gateway_status", OK, "notify_customer")
                .transition("check_gateway_status", ERROR, "issue_gateway_credit", COMPENSATION)
                .transition("issue_gateway_credit", OK, COMPLETE)
                .transition("notify_customer", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
