package io.squidmesh.examples.saga;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Reserves stock for the order; {@link ReleaseInventory} is its inverse. */
@ApplicationScoped
public class ReserveInventory implements Step {

    @Override
    public String description() {
        return "Reserves inventory for an order";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("order_id", input.get("order_id"), "status", "reserved"));
    }
}
