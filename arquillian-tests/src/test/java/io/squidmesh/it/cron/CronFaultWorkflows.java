package io.squidmesh.it.cron;

import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.workflow;

/** A workflow on a two-second schedule whose activations the broker refuses while {@link CronEnqueueFaultIT} says so. */
@ApplicationScoped
public class CronFaultWorkflows implements WorkflowDefinition {

    @Override
    public Workflow define() {
        return workflow("it_refused_ticker")
                .trigger(cron("every_2s", "*/2 * * * * *", "UTC"))
                .step("tick", TestSteps.Echo.class, s -> s.output("tick"))
                .transition("tick", OK, COMPLETE)
                .build();
    }
}
