package io.squidmesh.it.versions;

import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.WorkflowBuilder;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.awaitEvent;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** reserve → await go → [pack →] ship, under any name and version: the graphs of {@link VersionRedeployIT}. */
final class Shipments {

    private Shipments() {
    }

    static WorkflowBuilder shipment(String name, String version, boolean pack) {
        WorkflowBuilder builder = workflow(name).version(version)
                .trigger(manual(name).field("order_id", STRING))
                .step("reserve", TestSteps.Echo.class, s -> s.input("order_id").output("reservation"))
                .step("await_go", awaitEvent("go"))
                .step("ship", TestSteps.Echo.class, s -> s.input("order_id").output("shipment"))
                .transition("reserve", OK, "await_go")
                .transition("ship", OK, COMPLETE);
        if (pack) {
            return builder.step("pack", TestSteps.Echo.class, s -> s.input("order_id").output("parcel"))
                    .transition("await_go", OK, "pack")
                    .transition("pack", OK, "ship");
        }
        return builder.transition("await_go", OK, "ship");
    }
}
