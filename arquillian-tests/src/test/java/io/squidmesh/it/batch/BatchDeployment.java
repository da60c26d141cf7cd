package io.squidmesh.it.batch;

import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.TestModules;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The standard test deployment plus the batch-step workflow, its job's artifacts and the job XML. */
public final class BatchDeployment {

    private BatchDeployment() {
    }

    public static EnterpriseArchive with(Class<?>... tests) {
        EnterpriseArchive ear = TestModules.withWorkflows(tests);
        ear.getAsType(JavaArchive.class, Deployments.TEST_MODULE)
                .addClasses(BatchWorkflows.class, CountingJob.class, CountingJob.Reader.class, CountingJob.Writer.class,
                        CountingJob.Finish.class)
                .addAsManifestResource("batch/it-count-job.xml", "batch-jobs/it-count-job.xml");
        return ear;
    }
}
