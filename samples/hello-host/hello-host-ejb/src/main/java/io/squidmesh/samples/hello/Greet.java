package io.squidmesh.samples.hello;

// tag::step[]
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Builds the greeting. Its output is stored under "greeting" in the run's context. */
@ApplicationScoped
public class Greet implements Step {

    @Override
    public String description() {
        return "Builds a greeting for the name in the payload";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        String name = (String) input.get("name");
        if (name.isBlank()) {
            return StepResult.error(Map.of("message", "name is blank", "code", "blank_name"));
        }
        return StepResult.ok(Map.of("message", "Hello, " + name + "!", "attempt", context.attempt()));
    }
}
// end::step[]
