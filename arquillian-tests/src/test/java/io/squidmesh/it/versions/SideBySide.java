package io.squidmesh.it.versions;

import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.awaitEvent;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** Two versions of {@code it_versioned} deployed side by side ({@link VersionsIT}). */
public final class SideBySide {

    private SideBySide() {
    }

    // tag::versions[]
    @ApplicationScoped
    public static class OrderV1 implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_versioned").version("1")
                    .trigger(manual("it_versioned").field("order_id", STRING))
                    .step("reserve", TestSteps.Echo.class, s -> s.input("order_id").output("reservation"))
                    .step("await_go", awaitEvent("go"))
                    .step("ship", TestSteps.Echo.class, s -> s.input("order_id").output("shipment"))
                    .transition("reserve", OK, "await_go")
                    .transition("await_go", OK, "ship")
                    .transition("ship", OK, COMPLETE)
                    .build();
        }
    }

    /** Version 2 packs before shipping; runs of version 1 keep going along version 1's graph. */
    @ApplicationScoped
    public static class OrderV2 implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_versioned").version("2")
                    .trigger(manual("it_versioned").field("order_id", STRING))
                    .step("reserve", TestSteps.Echo.class, s -> s.input("order_id").output("reservation"))
                    .step("await_go", awaitEvent("go"))
                    .step("pack", TestSteps.Echo.class, s -> s.input("order_id").output("parcel"))
                    .step("ship", TestSteps.Echo.class, s -> s.input("order_id").output("shipment"))
                    .transition("reserve", OK, "await_go")
                    .transition("await_go", OK, "pack")
                    .transition("pack", OK, "ship")
                    .transition("ship", OK, COMPLETE)
                    .build();
        }
    }
    // end::versions[]
}
