package io.squidmesh.examples.approval;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Runs after a rejection: records it. */
@ApplicationScoped
public class RecordRejection implements Step {

    @Override
    public String description() {
        return "Records a rejected manual review result";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return Decisions.record(input, "rejected");
    }
}
