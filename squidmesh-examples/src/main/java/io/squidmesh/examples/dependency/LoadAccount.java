package io.squidmesh.examples.dependency;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Loads the account a run is about (a stand-in for a database read). */
@ApplicationScoped
public class LoadAccount implements Step {

    @Override
    public String description() {
        return "Loads account context";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("id", input.get("account_id"), "tier", "standard"));
    }
}
