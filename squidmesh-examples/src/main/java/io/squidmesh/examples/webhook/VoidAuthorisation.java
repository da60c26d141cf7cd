package io.squidmesh.examples.webhook;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Releases the held amount when the provider never confirmed the payment. */
@ApplicationScoped
public class VoidAuthorisation implements Step {

    @Override
    public String description() {
        return "Voids the authorisation";
    }

    @Override
    @SuppressWarnings("unchecked")
    public StepResult run(Map<String, Object> input, StepContext context) {
        Map<String, Object> authorisation = (Map<String, Object>) input.get("authorisation");
        return StepResult.ok(Map.of("voided", authorisation.get("authorisation_id")));
    }
}
