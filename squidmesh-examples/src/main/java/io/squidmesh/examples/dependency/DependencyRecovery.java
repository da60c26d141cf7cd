package io.squidmesh.examples.dependency;

import io.squidmesh.examples.payment.LoadInvoice;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Loads the account and the invoice side by side, then prepares a notification from both. Declaring
 * {@code after} puts the workflow in dependency mode: both roots are enqueued at start, and the join is
 * enqueued exactly once, when its last dependency completes.
 */
@ApplicationScoped
public class DependencyRecovery implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("dependency_recovery")
                .trigger(manual("dependency_recovery")
                        .field("account_id", STRING)
                        .field("invoice_id", STRING)
                        .field("attempt_id", STRING))
                .step("load_account", LoadAccount.class, s -> s.output("account"))
                .step("load_invoice", LoadInvoice.class, s -> s.output("invoice"))
                .step("prepare_notification", PrepareNotification.class,
                        s -> s.after("load_account", "load_invoice").output("notification"))
                .build();
        // end::definition[]
    }
}
