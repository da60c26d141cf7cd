package io.squidmesh.examples.webhook;

import io.squidmesh.workflow.Schema;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.squidmesh.workflow.Schema.field;

/** Asks the payment provider to hold the amount. A stand-in: the authorisation id is derived from the order. */
@ApplicationScoped
public class AuthorisePayment implements Step {

    @Override
    public String description() {
        return "Authorises the payment with the provider";
    }

    @Override
    public Schema inputSchema() {
        return Schema.of(field("order_id", Schema.Type.STRING).required(),
                field("amount_cents", Schema.Type.INTEGER).required());
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("authorisation_id", "auth-" + input.get("order_id"),
                "amount_cents", input.get("amount_cents")));
    }
}
