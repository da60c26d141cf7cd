package io.squidmesh.examples.payment;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Credits the account when the gateway could not be reached: the recovery the error route leads to. */
@ApplicationScoped
public class IssueGatewayCredit implements Step {

    @Override
    public String description() {
        return "Issues a credit after gateway recovery cannot continue";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("account_id", input.get("account_id"),
                "invoice_id", ((Map<?, ?>) input.get("invoice")).get("id"),
                "status", "credit_issued"));
    }
}
