package io.squidmesh.examples.saga;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Authorizes the payment for the order; {@link VoidPaymentAuthorization} is its inverse. */
@ApplicationScoped
public class AuthorizePayment implements Step {

    @Override
    public String description() {
        return "Authorizes payment for an order";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        Object orderId = input.get("order_id");
        return StepResult.ok(Map.of("account_id", input.get("account_id"), "order_id", orderId,
                "authorization_id", "auth_" + orderId, "status", "authorized"));
    }
}
