package io.squidmesh.examples.webhook;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Captures the authorised amount once the provider confirmed it (the confirmation is in the run's context). */
@ApplicationScoped
public class CapturePayment implements Step {

    @Override
    public String description() {
        return "Captures the confirmed payment";
    }

    @Override
    @SuppressWarnings("unchecked")
    public StepResult run(Map<String, Object> input, StepContext context) {
        Map<String, Object> authorisation = (Map<String, Object>) input.get("authorisation");
        Map<String, Object> confirmation = (Map<String, Object>) input.get("confirmation");
        return StepResult.ok(Map.of("captured_cents", authorisation.get("amount_cents"),
                "provider_reference", String.valueOf(confirmation.get("provider_reference"))));
    }
}
