package io.squidmesh.examples.saga;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Compensates {@link ReserveInventory}. Compensations are not retried by the engine and may be redelivered,
 * so a real one must be idempotent (releasing a released reservation changes nothing).
 */
// tag::step[]
@ApplicationScoped
public class ReleaseInventory implements Step {

    @Override
    public String description() {
        return "Releases a previous inventory reservation";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return Compensations.undone(input, "inventory_reservation", "released_inventory", "released");
    }
}
// end::step[]
