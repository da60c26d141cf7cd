package io.squidmesh.it.batch;

import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.batch;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** A workflow whose middle step is a Jakarta Batch job. */
@ApplicationScoped
public class BatchWorkflows implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("it_batch")
                .trigger(manual("it_batch").field("items", INTEGER)
                        .field("fail_on_attempt", INTEGER, defaultValue(0))
                        .field("item_delay_ms", INTEGER, defaultValue(0)))
                .step("crunch", batch("it-count-job"), s -> s.retry(2, exponential(1_000, 1_000)).output("crunch"))
                .step("after", TestSteps.Echo.class, s -> s.input("crunch"))
                .transition("crunch", OK, "after")
                .transition("after", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
