package io.squidmesh.it.versions;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** The application before the redeploy of {@link VersionRedeployIT}. */
public final class BeforeRedeploy {

    private BeforeRedeploy() {
    }

    @ApplicationScoped
    public static class ShipmentV1 implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return Shipments.shipment("it_redeployed", "1", false).build();
        }
    }

    @ApplicationScoped
    public static class RetiredV1 implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return Shipments.shipment("it_retired", "1", false).build();
        }
    }
}
