package io.squidmesh.it.metrics;

import io.squidmesh.RunStatus;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's meters as Prometheus scrapes them from the management interface ({@code configure-metrics.cli}):
 * exact deltas for a run that retries once and completes, a run that fails, and none at all for a start whose
 * transaction rolled back; the open-runs gauge follows a paused run.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    static final URI SCRAPE = URI.create(System.getProperty("squidmesh.it.prometheus", "http://127.0.0.1:9990/prometheus"));

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(MetricsIT.class, Scrape.class, Flow.class, Declined.class, Hold.class, RolledBack.class, Saga.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Resource
    UserTransaction transaction;

    @Test
    void committedWorkIsCountedOnceAndRolledBackWorkNever() throws Exception {
        Scrape before = Scrape.of(SCRAPE);

        String retried = squidMesh.startRun("metrics_flow", Map.of("failures", 1)).id().toString();
        String declined = squidMesh.startRun("metrics_declined", Map.of("account_id", "a-1")).id().toString();
        String saga = squidMesh.startRun("metrics_saga", Map.of("account_id", "a-3")).id().toString();
        transaction.begin();
        squidMesh.startRun("metrics_rolled_back", Map.of("account_id", "a-2"));
        transaction.rollback();
        Await.status(squidMesh, retried, RunStatus.COMPLETED);
        Await.status(squidMesh, declined, RunStatus.FAILED);
        Await.status(squidMesh, saga, RunStatus.FAILED);

        Scrape after = Await.until("the finished runs to be counted", () -> Scrape.of(SCRAPE),
                s -> s.delta(before, "squidmesh_runs_finished_total", "workflow", "metrics_declined", "status", "failed") == 1
                        && s.delta(before, "squidmesh_runs_finished_total", "workflow", "metrics_flow", "status", "completed") == 1
                        && s.delta(before, "squidmesh_compensations_total", "workflow", "metrics_saga", "step", "reserve",
                        "outcome", "completed") == 1,
                Duration.ofSeconds(20));
        System.out.println("scrape excerpt after the runs:\n" + after.excerpt("metrics_"));

        assertEquals(1, after.delta(before, "squidmesh_runs_started_total", "workflow", "metrics_flow", "origin", "start"));
        assertEquals(1, after.delta(before, "squidmesh_runs_started_total", "workflow", "metrics_declined", "origin", "start"));
        assertEquals(0, after.delta(before, "squidmesh_runs_started_total", "workflow", "metrics_rolled_back", "origin", "start"),
                "a start that rolled back is not counted");
        assertTrue(after.series("workflow", "metrics_rolled_back").isEmpty(), () -> "no series at all for the rolled-back start: "
                + after.series("workflow", "metrics_rolled_back"));

        assertEquals(1, after.delta(before, "squidmesh_step_attempts_total", "workflow", "metrics_flow", "step", "flaky", "outcome", "failed"));
        assertEquals(1, after.delta(before, "squidmesh_step_attempts_total", "workflow", "metrics_flow", "step", "flaky", "outcome", "completed"));
        assertEquals(1, after.delta(before, "squidmesh_retries_scheduled_total", "workflow", "metrics_flow", "step", "flaky"));
        assertEquals(1, after.delta(before, "squidmesh_step_attempts_total", "workflow", "metrics_declined", "step", "charge", "outcome", "failed"));
        assertEquals(0, after.delta(before, "squidmesh_runs_finished_total", "workflow", "metrics_flow", "status", "failed"));
        assertEquals(0, after.delta(before, "squidmesh_compensations_total", "workflow", "metrics_declined", "step", "charge",
                "outcome", "completed"), "nothing to undo: charge never completed");

        assertEquals(2, after.delta(before, "squidmesh_step_duration_seconds_count", "workflow", "metrics_flow", "step", "flaky"),
                "each attempt timed once");
        assertEquals(1, after.delta(before, "squidmesh_run_duration_seconds_count", "workflow", "metrics_flow", "status", "completed"));
        assertTrue(after.value("squidmesh_run_duration_seconds_sum", "workflow", "metrics_flow", "status", "completed") > 0.1,
                "the run waited at least its 200 ms retry delay");
    }

    @Test
    void theOpenRunsGaugeFollowsAPausedRun() {
        double pausedBefore = Await.until("a first reading of the gauge", () -> Scrape.of(SCRAPE),
                s -> !Double.isNaN(s.value("squidmesh_runs_open", "status", "paused")), Duration.ofSeconds(20))
                .value("squidmesh_runs_open", "status", "paused");
        String held = squidMesh.startRun("metrics_hold", Map.of("ticket", "t-1")).id().toString();
        Await.status(squidMesh, held, RunStatus.PAUSED);

        // the gauge reads the database at most every 5 s
        Await.until("the gauge to count the paused run", () -> Scrape.of(SCRAPE),
                s -> s.value("squidmesh_runs_open", "status", "paused") == pausedBefore + 1, Duration.ofSeconds(20));
        squidMesh.cancelRun(held);
        Await.status(squidMesh, held, RunStatus.CANCELLED);
        Await.until("the gauge to let it go", () -> Scrape.of(SCRAPE),
                s -> s.value("squidmesh_runs_open", "status", "paused") == pausedBefore, Duration.ofSeconds(20));
    }

    /** flaky (fails the payload's number of times, retried after 200 ms) → complete. */
    @ApplicationScoped
    public static class Flow implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("metrics_flow")
                    .trigger(manual("metrics_flow").field("failures", INTEGER))
                    .step("flaky", TestSteps.Flaky.class, s -> s.retry(3, exponential(200, 200)))
                    .transition("flaky", OK, COMPLETE)
                    .build();
        }
    }

    /** charge declines for good: the run fails. */
    @ApplicationScoped
    public static class Declined implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("metrics_declined")
                    .trigger(manual("metrics_declined").field("account_id", STRING))
                    .step("charge", TestSteps.Decline.class)
                    .transition("charge", OK, COMPLETE)
                    .build();
        }
    }

    /** reserve (undone by compensation) → charge, which declines: the run fails and reserve is compensated. */
    @ApplicationScoped
    public static class Saga implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("metrics_saga")
                    .trigger(manual("metrics_saga").field("account_id", STRING))
                    .step("reserve", TestSteps.Echo.class, s -> s.compensate(io.squidmesh.it.workflows.RecoverySteps.Undo.class))
                    .step("charge", TestSteps.Decline.class)
                    .transition("reserve", OK, "charge")
                    .transition("charge", OK, COMPLETE)
                    .build();
        }
    }

    /** Started only in a transaction that rolls back. */
    @ApplicationScoped
    public static class RolledBack implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("metrics_rolled_back")
                    .trigger(manual("metrics_rolled_back").field("account_id", STRING))
                    .step("charge", TestSteps.Echo.class)
                    .transition("charge", OK, COMPLETE)
                    .build();
        }
    }

    /** Pauses until an operator acts. */
    @ApplicationScoped
    public static class Hold implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("metrics_hold")
                    .trigger(manual("metrics_hold").field("ticket", STRING))
                    .step("hold", pause())
                    .transition("hold", OK, COMPLETE)
                    .build();
        }
    }
}
