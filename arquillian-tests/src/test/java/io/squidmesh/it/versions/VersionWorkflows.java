package io.squidmesh.it.versions;

import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.TestModules;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The deployments of {@link VersionsIT} (two versions side by side) and {@link VersionRedeployIT} (one application
 * deployed, then another whose definitions changed under the runs the first one started). Each workflow waits for
 * the event {@code go} after its first step, so that a run can be held in flight across a redeploy.
 */
final class VersionWorkflows {

    private VersionWorkflows() {
    }

    /** Both versions of {@code it_versioned}. */
    static EnterpriseArchive sideBySide() {
        return TestModules.withWorkflows(SideBySide.class);
    }

    /** {@code it_redeployed} version 1 without a pack step, {@code it_retired} version 1: the application before. */
    static EnterpriseArchive before() {
        return Deployments.renamed(TestModules.withWorkflows(Shipments.class, BeforeRedeploy.class),
                "versions-before.ear");
    }

    /** {@code it_redeployed} version 1 with a pack step, {@code it_retired} version 2 only: the application after. */
    static EnterpriseArchive after() {
        return Deployments.renamed(TestModules.withWorkflows(Shipments.class, AfterRedeploy.class),
                "versions-after.ear");
    }
}
