package io.squidmesh.examples.ledger;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.BOOLEAN;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Posts a reserve and a capture entry to the host's ledger in one transaction. Set {@code fail_after_reserve}
 * to see the reserve entry roll back with the failed step.
 */
@ApplicationScoped
public class LocalLedgerCheckout implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("local_ledger_checkout")
                .trigger(manual("local_ledger_checkout")
                        .field("account_id", STRING)
                        .field("fail_after_reserve", BOOLEAN, defaultValue(false)))
                .step("post_local_ledger_entries", PostLocalLedgerEntries.class,
                        s -> s.transactional().output("local_ledger"))
                .transition("post_local_ledger_entries", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
