package io.squidmesh.examples.dependency;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** The join: reads what both roots produced, which the engine guarantees are there when it runs. */
@ApplicationScoped
public class PrepareNotification implements Step {

    @Override
    public String description() {
        return "Builds notification context once dependencies are ready";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        Map<?, ?> account = (Map<?, ?>) input.get("account");
        Map<?, ?> invoice = (Map<?, ?>) input.get("invoice");
        return StepResult.ok(Map.of("channel", "email", "account_id", account.get("id"),
                "invoice_id", invoice.get("id"), "account_tier", account.get("tier")));
    }
}
