package io.squidmesh.it.batch;

import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.OperatorSquidMesh;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The batch step kind (DESIGN §7): the run waits for a Jakarta Batch job, and a failed job is retried by restart. */
@ExtendWith(ArquillianExtension.class)
class BatchStepIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.renamed(BatchDeployment.with(BatchStepIT.class), "batch.ear");
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Test
    void aBatchStepCompletesWithTheJobsStatusAndMetrics() {
        Run run = squidMesh.startRun("it_batch", Map.of("items", 10));
        Run done = Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED);

        @SuppressWarnings("unchecked")
        Map<String, Object> crunch = (Map<String, Object>) done.context().get("crunch");
        assertEquals("it-count-job", crunch.get("job"));
        assertEquals("COMPLETED", crunch.get("batch_status"));
        assertEquals("COMPLETED", crunch.get("exit_status"));
        Map<?, ?> finish = (Map<?, ?>) ((List<?>) crunch.get("steps")).get(1);
        assertEquals("COUNTED", finish.get("exit_status"), "the batchlet's own exit status");
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) crunch.get("metrics");
        assertEquals(10, ((Number) metrics.get("read_count")).intValue());
        assertEquals(10, ((Number) metrics.get("write_count")).intValue());
        assertEquals(List.of("count", "finish"),
                ((List<?>) crunch.get("steps")).stream().map(s -> ((Map<?, ?>) s).get("name")).toList());
        StepRun step = done.stepRuns().get(0);
        assertEquals(List.of("completed"), step.attempts().stream().map(StepAttempt::status).toList());
    }

    @Test
    void aFailedJobFailsTheStepWhichRetriesByRestartingTheJob() {
        Run run = squidMesh.startRun("it_batch", Map.of("items", 4, "fail_on_attempt", 1));
        Run done = Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED);

        StepRun step = done.stepRuns().get(0);
        List<StepAttempt> attempts = step.attempts();
        assertEquals(List.of("failed", "completed"), attempts.stream().map(StepAttempt::status).toList());
        Map<String, Object> error = attempts.get(0).error();
        assertEquals("batch job it-count-job ended FAILED", error.get("message"));
        assertEquals("FAILED", error.get("batch_status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> crunch = (Map<String, Object>) done.context().get("crunch");
        assertEquals("COMPLETED", crunch.get("batch_status"));
        assertEquals(List.of("finish"), ((List<?>) crunch.get("steps")).stream()
                .map(s -> ((Map<?, ?>) s).get("name")).toList(), "the restart resumes after the completed chunk step");
    }
}
