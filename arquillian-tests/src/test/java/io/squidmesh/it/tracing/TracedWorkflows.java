package io.squidmesh.it.tracing;

import io.squidmesh.it.workflows.RecoverySteps;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.workflow;

/** The workflows {@link TracingIT} traces (deployed without the test, which runs as a client). */
public final class TracedWorkflows {

    private TracedWorkflows() {
    }

    /** flaky (fails once, retried after 100 ms) → hold (pause) → finish. */
    @ApplicationScoped
    public static class Traced implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("traced_flow")
                    .trigger(manual("traced_flow").field("failures", INTEGER))
                    .step("flaky", TestSteps.Flaky.class, s -> s.retry(3, exponential(100, 100)))
                    .step("hold", pause())
                    .step("finish", TestSteps.Echo.class)
                    .transition("flaky", OK, "hold")
                    .transition("hold", OK, "finish")
                    .transition("finish", OK, COMPLETE)
                    .build();
        }
    }

    /** reserve (compensated) → charge, which declines: the run fails and reserve is undone. */
    @ApplicationScoped
    public static class Saga implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("traced_saga")
                    .trigger(manual("traced_saga"))
                    .step("reserve", TestSteps.Echo.class, s -> s.compensate(RecoverySteps.Undo.class))
                    .step("charge", TestSteps.Decline.class)
                    .transition("reserve", OK, "charge")
                    .transition("charge", OK, COMPLETE)
                    .build();
        }
    }
}
