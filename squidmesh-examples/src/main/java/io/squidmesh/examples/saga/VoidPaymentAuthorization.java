package io.squidmesh.examples.saga;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Compensates {@link AuthorizePayment}: a business-level inverse, not a retry of the failed capture. */
@ApplicationScoped
public class VoidPaymentAuthorization implements Step {

    @Override
    public String description() {
        return "Voids a previous payment authorization";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return Compensations.undone(input, "payment_authorization", "voided_payment_authorization", "voided");
    }
}
