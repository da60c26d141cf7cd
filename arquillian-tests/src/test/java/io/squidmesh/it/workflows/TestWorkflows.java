package io.squidmesh.it.workflows;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPENSATION;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.optional;
import static io.squidmesh.workflow.Workflows.waitFor;
import static io.squidmesh.workflow.Workflows.workflow;

/** The workflows the runtime tests drive. */
public final class TestWorkflows {

    private TestWorkflows() {
    }

    /** load → note (log) → finish → complete, with input/output mapping. */
    @ApplicationScoped
    public static class Linear implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_linear")
                    .trigger(manual("it_linear").field("account_id", STRING)
                            .field("team", STRING, defaultValue("backend")))
                    .step("load", TestSteps.Echo.class, s -> s.input("account_id").output("account"))
                    .step("note", log("linear run noted"))
                    .step("finish", TestSteps.Echo.class, s -> s.input("account", "team").output("result"))
                    .transition("load", OK, "note")
                    .transition("note", OK, "finish")
                    .transition("finish", OK, COMPLETE)
                    .build();
        }
    }

    /** One flaky step with 3 attempts and a 1 s backoff. */
    @ApplicationScoped
    public static class Retry implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_retry")
                    .trigger(manual("it_retry").field("failures", INTEGER))
                    .step("flaky", TestSteps.Flaky.class, s -> s.retry(3, exponential(1_000, 1_000)).output("probe"))
                    .transition("flaky", OK, COMPLETE)
                    .build();
        }
    }

    /** The same flaky step with a 200 ms backoff: retries keep their milliseconds. */
    @ApplicationScoped
    public static class QuickRetry implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_quick_retry")
                    .trigger(manual("it_quick_retry").field("failures", INTEGER))
                    .step("flaky", TestSteps.Flaky.class, s -> s.retry(3, exponential(200, 200)).output("probe"))
                    .transition("flaky", OK, COMPLETE)
                    .build();
        }
    }

    /** A step that fails for good, routed to a recovery step once retries are exhausted. */
    @ApplicationScoped
    public static class ErrorRoute implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_error_route")
                    .trigger(manual("it_error_route"))
                    .step("charge", TestSteps.Decline.class)
                    .step("refund", TestSteps.Echo.class, s -> s.output("refund"))
                    .transition("charge", OK, COMPLETE)
                    .transition("charge", ERROR, "refund", COMPENSATION)
                    .transition("refund", OK, COMPLETE)
                    .build();
        }
    }

    /** A step that fails without retry or route: the run fails. */
    @ApplicationScoped
    public static class Failing implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_failing")
                    .trigger(manual("it_failing"))
                    .step("prepare", TestSteps.Echo.class)
                    .step("explode", TestSteps.Explode.class)
                    .transition("prepare", OK, "explode")
                    .transition("explode", OK, COMPLETE)
                    .build();
        }
    }

    /** Three roots joined by one step: fan-out and fan-in. */
    @ApplicationScoped
    public static class FanOut implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_fan_out")
                    .trigger(manual("it_fan_out").field("order_id", STRING))
                    .step("a", TestSteps.Echo.class, s -> s.output("a"))
                    .step("b", TestSteps.Echo.class, s -> s.output("b"))
                    .step("c", TestSteps.Echo.class, s -> s.output("c"))
                    .step("join", TestSteps.Echo.class, s -> s.after("a", "b", "c").input("a", "b", "c").output("joined"))
                    .build();
        }
    }

    /** A held step, for cancellation and concurrency tests. */
    @ApplicationScoped
    public static class Held implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_held")
                    .trigger(manual("it_held"))
                    .step("hold", TestSteps.Gate.class)
                    .step("after_hold", TestSteps.Echo.class)
                    .transition("hold", OK, "after_hold")
                    .transition("after_hold", OK, COMPLETE)
                    .build();
        }
    }

    /** A wait between two steps, and a step asking for a delayed successor. */
    @ApplicationScoped
    public static class Waiting implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_wait")
                    .trigger(manual("it_wait").field("delay_seconds", INTEGER, optional()))
                    .step("before", TestSteps.Later.class)
                    .step("pause_a_second", waitFor(Duration.ofMillis(10)))
                    .step("after", TestSteps.Echo.class)
                    .transition("before", OK, "pause_a_second")
                    .transition("pause_a_second", OK, "after")
                    .transition("after", OK, COMPLETE)
                    .build();
        }
    }
}
