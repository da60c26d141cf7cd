package com.example.workflows;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Prices the quantity asked for. Its output is stored under "quote" in the run's context. */
@ApplicationScoped
public class ComputeQuote implements Step {

    private static final long UNIT_PRICE_CENTS = 250;

    @Override
    public String description() {
        return "Prices the quantity in the payload";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        // an integer field arrives as an Integer, Long or BigInteger, whichever its value needs: read it as a Number
        long quantity = ((Number) input.get("quantity")).longValue();
        if (quantity <= 0) {
            return StepResult.error(Map.of("message", "quantity must be positive", "code", "invalid_quantity"));
        }
        return StepResult.ok(Map.of("item", input.get("item"), "quantity", quantity,
                "total_cents", quantity * UNIT_PRICE_CENTS));
    }
}
