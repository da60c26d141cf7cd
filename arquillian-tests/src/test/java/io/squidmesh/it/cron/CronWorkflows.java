package io.squidmesh.it.cron;

import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.today;
import static io.squidmesh.workflow.Workflows.workflow;

/** A workflow on a three-second schedule, plus a manual trigger on the same graph. */
@ApplicationScoped
public class CronWorkflows implements WorkflowDefinition {

    @Override
    public Workflow define() {
        return workflow("it_ticker")
                .trigger(cron("every_3s", "*/3 * * * * *", "Europe/Lisbon")
                        .field("channel", STRING, defaultValue("ops"))
                        .field("day", STRING, today()))
                .trigger(manual("by_hand").field("channel", STRING).field("day", STRING))
                .step("tick", TestSteps.Echo.class, s -> s.output("tick"))
                .transition("tick", OK, COMPLETE)
                .build();
    }
}
