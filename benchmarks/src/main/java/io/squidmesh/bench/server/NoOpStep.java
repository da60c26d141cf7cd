package io.squidmesh.bench.server;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** A step that does nothing: what is left of a hop is the engine's own cost. */
@ApplicationScoped
public class NoOpStep implements Step {

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of());
    }
}
