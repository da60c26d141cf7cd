package io.squidmesh.it.versions;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** The application after the redeploy of {@link VersionRedeployIT}: {@code it_redeployed} version 1 packs now, {@code it_retired} has only a version 2. */
public final class AfterRedeploy {

    private AfterRedeploy() {
    }

    /** The same name and version as before, another graph: a redeploy that changed version 1. */
    @ApplicationScoped
    public static class ShipmentV1 implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return Shipments.shipment("it_redeployed", "1", true).build();
        }
    }

    @ApplicationScoped
    public static class RetiredV2 implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return Shipments.shipment("it_retired", "2", true).build();
        }
    }
}
