package io.squidmesh.examples.approval;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Runs after an approval: records it. */
// tag::step[]
@ApplicationScoped
public class RecordApproval implements Step {

    @Override
    public String description() {
        return "Records an approved manual review result";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return Decisions.record(input, "approved");
    }
}
// end::step[]
