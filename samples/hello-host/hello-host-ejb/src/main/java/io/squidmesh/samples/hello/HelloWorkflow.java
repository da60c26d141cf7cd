package io.squidmesh.samples.hello;

// tag::workflow[]
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** Greets someone, then writes a log line: the workflow of docs/getting-started.md §3, started from a servlet. */
@ApplicationScoped
public class HelloWorkflow implements WorkflowDefinition {

    @Override
    public Workflow define() {
        return workflow("hello_host")
                .description("Greets someone and logs it")
                .trigger(manual("hello").field("name", STRING))
                .step("greet", Greet.class, s -> s.output("greeting").retry(3, exponential(1_000, 5_000)))
                .step("announce", log("greeted someone"))
                .transition("greet", OK, "announce")
                .transition("announce", OK, COMPLETE)
                .build();
    }
}
// end::workflow[]
