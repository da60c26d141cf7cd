package io.squidmesh.it.support;

import io.squidmesh.it.workflows.FaultSteps;
import io.squidmesh.it.workflows.FaultWorkflows;
import io.squidmesh.it.workflows.Probe;
import io.squidmesh.it.workflows.RecoverySteps;
import io.squidmesh.it.workflows.RecoveryWorkflows;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.it.workflows.TestWorkflows;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The standard test deployment: the reference EAR plus the test workflows and the given test classes. */
public final class TestModules {

    private TestModules() {
    }

    public static EnterpriseArchive withWorkflows(Class<?>... tests) {
        return Deployments.withTestModule(Deployments.testModule()
                .addClasses(Await.class, TestModules.class, Probe.class, Driver.class, OperatorSquidMesh.class, EventLog.class, EventLog.Observed.class)
                .addClasses(TestSteps.class.getDeclaredClasses())
                .addClasses(TestSteps.class, TestWorkflows.class)
                .addClasses(TestWorkflows.class.getDeclaredClasses())
                .addClasses(RecoverySteps.class, RecoveryWorkflows.class, io.squidmesh.it.workflows.LedgerTable.class)
                .addClasses(RecoverySteps.class.getDeclaredClasses())
                .addClasses(RecoveryWorkflows.class.getDeclaredClasses())
                .addClasses(FaultSteps.class, FaultWorkflows.class)
                .addClasses(FaultSteps.class.getDeclaredClasses())
                .addClasses(FaultWorkflows.class.getDeclaredClasses())
                .addClasses(tests));
    }
}
