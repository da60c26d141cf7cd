package io.squidmesh.examples.payment;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Records the intent to e-mail the customer the gateway's answer (a stand-in for a mail service). */
@ApplicationScoped
public class NotifyCustomer implements Step {

    @Override
    public String description() {
        return "Records notification intent";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("channel", "email",
                "invoice_id", ((Map<?, ?>) input.get("invoice")).get("id"),
                "gateway_status", ((Map<?, ?>) input.get("gateway_check")).get("status")));
    }
}
