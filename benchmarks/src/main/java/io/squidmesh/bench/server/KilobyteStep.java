package io.squidmesh.bench.server;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** W5: a step that adds 1 KiB of its own to the run's context, so a run's state grows with every step. */
@ApplicationScoped
public class KilobyteStep implements Step {

    static final String KILOBYTE = "k".repeat(1024);

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return StepResult.ok(Map.of("kb_" + context.step(), KILOBYTE));
    }
}
