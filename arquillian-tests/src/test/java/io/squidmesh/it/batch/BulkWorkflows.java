package io.squidmesh.it.batch;

import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.workflow;

/** Workflows only the bulk-job tests run, so every count is exact. */
public final class BulkWorkflows {

    private BulkWorkflows() {
    }

    /** One step, then complete; {@code tag} tells the tests' groups apart. */
    @ApplicationScoped
    public static class Quick implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_bulk")
                    .trigger(manual("it_bulk").field("tag", STRING))
                    .step("only", TestSteps.Echo.class)
                    .transition("only", OK, COMPLETE)
                    .build();
        }
    }

    /** Pauses at once: a run that stays non-terminal. */
    @ApplicationScoped
    public static class Waiting implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_bulk_waiting")
                    .trigger(manual("it_bulk_waiting").field("tag", STRING))
                    .step("hold", pause())
                    .step("done", TestSteps.Echo.class)
                    .transition("hold", OK, "done")
                    .transition("done", OK, COMPLETE)
                    .build();
        }
    }
}
