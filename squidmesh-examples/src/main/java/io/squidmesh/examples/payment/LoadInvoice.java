package io.squidmesh.examples.payment;

import io.squidmesh.workflow.Schema;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.squidmesh.workflow.Schema.Type.STRING;
import static io.squidmesh.workflow.Schema.field;

/**
 * Loads the invoice a run is about. A stand-in for a database read; {@code dependency_recovery} uses the
 * same bean, as any workflow may.
 */
@ApplicationScoped
public class LoadInvoice implements Step {

    @Override
    public String description() {
        return "Loads invoice context";
    }

    @Override
    public Schema inputSchema() {
        return Schema.of(field("account_id", STRING).required(), field("invoice_id", STRING).required(),
                field("attempt_id", STRING).required());
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("id", input.get("invoice_id"), "account_id", input.get("account_id"),
                "attempt_id", input.get("attempt_id")));
    }
}
