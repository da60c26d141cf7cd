package io.squidmesh.it.process;

import io.squidmesh.SquidMeshEvent;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.childRun;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** Workflows whose runs are caught mid-flight when the server is killed. */
public final class ProcessWorkflows {

    private ProcessWorkflows() {
    }

    /** Sleeps {@code sleep_ms}: long enough to be killed in the middle of. */
    @ApplicationScoped
    public static class Sleep implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            Thread.sleep(((Number) context.state().get("sleep_ms")).longValue());
            return StepResult.ok(Map.of("slept", true, "attempt", context.attempt()));
        }
    }

    /** Fails its first attempt (decided from the attempt number, which survives the crash). */
    @ApplicationScoped
    public static class FailFirst implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return context.attempt() == 1 ? StepResult.retry(Map.of("message", "first attempt fails"))
                    : StepResult.ok(Map.of("attempt", context.attempt()));
        }
    }

    /** Writes two ledger rows in the step's transaction, then sleeps in it before the commit. */
    @ApplicationScoped
    public static class SlowLedger implements Step {

        @Resource(lookup = "java:comp/DefaultDataSource")
        DataSource dataSource;

        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws SQLException, InterruptedException {
            try (Connection connection = dataSource.getConnection()) {
                for (String entry : new String[] {"reserve", "capture"}) {
                    io.squidmesh.it.workflows.LedgerTable.insert(connection, context.runId().toString(), entry,
                            context.attempt());
                }
            }
            Thread.sleep(((Number) context.state().get("sleep_ms")).longValue());
            return StepResult.ok(Map.of("entries", 2));
        }
    }

    /**
     * Records when it starts and ends executing (the database's clock, one row per attempt in
     * {@code it_step_intervals}) and sleeps {@code sleep_ms} between: how many attempts overlapped, on any node, can
     * be read back.
     */
    @ApplicationScoped
    public static class Interval implements Step {

        @Resource(lookup = "java:comp/DefaultDataSource")
        DataSource dataSource;

        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws SQLException, InterruptedException {
            String id = context.runId() + "/" + context.step() + "/" + context.attempt();
            try (Connection connection = dataSource.getConnection();
                 var insert = connection.prepareStatement("INSERT INTO it_step_intervals (id, node, started_at) "
                         + "VALUES (?, ?, clock_timestamp())")) {
                insert.setString(1, id);
                insert.setString(2, System.getProperty("jboss.node.name"));
                insert.executeUpdate();
            }
            Thread.sleep(((Number) context.state().get("sleep_ms")).longValue());
            try (Connection connection = dataSource.getConnection();
                 var update = connection.prepareStatement("UPDATE it_step_intervals SET ended_at = clock_timestamp() "
                         + "WHERE id = ?")) {
                update.setString(1, id);
                update.executeUpdate();
            }
            return StepResult.ok();
        }
    }

    /** At most two steps at once across the cluster: each run calls the fragile downstream, then confirms. */
    @ApplicationScoped
    public static class Limited implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("crash_limited")
                    .trigger(manual("crash_limited").field("sleep_ms", INTEGER))
                    .concurrency(2)
                    .step("call", Interval.class)
                    .step("confirm", Interval.class)
                    .transition("call", OK, "confirm")
                    .transition("confirm", OK, COMPLETE)
                    .build();
        }
    }

    @ApplicationScoped
    public static class Slow implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("crash_slow")
                    .trigger(manual("crash_slow").field("sleep_ms", INTEGER))
                    .step("sleep", Sleep.class, s -> s.output("sleep"))
                    .step("after", TestSteps.Echo.class, s -> s.input("sleep"))
                    .transition("sleep", OK, "after")
                    .transition("after", OK, COMPLETE)
                    .build();
        }
    }

    /** A parent waiting for its child run, a {@code payment_webhook} run that waits for its confirmation event. */
    @ApplicationScoped
    public static class WebhookParent implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("crash_parent")
                    .trigger(manual("crash_parent").field("order_id", STRING).field("amount_cents", INTEGER))
                    .step("pay", childRun("payment_webhook"), s -> s.input("order_id", "amount_cents").output("payment"))
                    .transition("pay", OK, COMPLETE)
                    .build();
        }
    }

    @ApplicationScoped
    public static class Retry implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("crash_retry")
                    .trigger(manual("crash_retry"))
                    .step("fail_first", FailFirst.class, s -> s.retry(3, exponential(10_000, 10_000)))
                    .transition("fail_first", OK, COMPLETE)
                    .build();
        }
    }

    @ApplicationScoped
    public static class Ledger implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("crash_ledger")
                    .trigger(manual("crash_ledger").field("sleep_ms", INTEGER))
                    .step("post", SlowLedger.class, s -> s.transactional())
                    .transition("post", OK, COMPLETE)
                    .build();
        }
    }

    @ApplicationScoped
    public static class Ticker implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("crash_cron")
                    .trigger(cron("every_2s", "*/2 * * * * *", "Etc/UTC"))
                    .step("tick", TestSteps.Echo.class)
                    .transition("tick", OK, COMPLETE)
                    .build();
        }
    }

    /** Two steps due one after the other: the delivery of the first continues with the second in its thread. */
    @ApplicationScoped
    public static class Continued implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("crash_continued")
                    .trigger(manual("crash_continued"))
                    .step("first", TestSteps.Echo.class, s -> s.output("first"))
                    .step("second", TestSteps.Echo.class, s -> s.input("first").output("second"))
                    .transition("first", OK, "second")
                    .transition("second", OK, COMPLETE)
                    .build();
        }
    }

    /**
     * The crash between two continued steps: when the apply of {@code crash_continued}'s first step has committed
     * and handed the second, claimed, to the delivering thread (the {@code run.dispatched} event of executor
     * {@code continuation}, fired after that commit in that thread), the JVM halts as SIGKILL would stop it, before
     * the second step executes. The second step then has no message, only its attempt leased to the dead node.
     */
    @ApplicationScoped
    public static class HaltBeforeContinuedStep {
        void observe(@Observes SquidMeshEvent event) {
            if ("run.dispatched".equals(event.name()) && "continuation".equals(event.metadata("executor"))
                    && "crash_continued".equals(event.metadata("workflow"))) {
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
