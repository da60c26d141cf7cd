package io.squidmesh.examples.digest;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

/** Records that the digest went out, whichever trigger started the run. */
// tag::step[]
@ApplicationScoped
public class RecordDigestDelivery implements Step {

    @Override
    public String description() {
        return "Records digest delivery metadata";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("channel", input.get("channel"), "digest_date", input.get("digest_date"),
                "delivered_at", Instant.now().toString()));
    }
}
// end::step[]
