package io.squidmesh.examples.fulfilment;

import io.squidmesh.workflow.Schema;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.squidmesh.workflow.Schema.field;

/** Books a carrier for the parcel. A stand-in: the tracking number is derived from the order. */
@ApplicationScoped
public class BookCarrier implements Step {

    @Override
    public String description() {
        return "Books a carrier";
    }

    @Override
    public Schema inputSchema() {
        return Schema.of(field("order_id", Schema.Type.STRING).required(),
                field("address", Schema.Type.STRING).required());
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("carrier", "parcel-co", "tracking", "PC-" + input.get("order_id")));
    }
}
