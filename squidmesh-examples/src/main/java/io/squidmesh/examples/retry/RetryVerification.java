package io.squidmesh.examples.retry;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** One step that fails its first attempt; the run waits 1 s as {@code retrying}, then completes. */
@ApplicationScoped
public class RetryVerification implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("retry_verification")
                .trigger(manual("retry_verification").field("attempt_id", STRING))
                .step("exercise_retry", FailOnce.class, s -> s.retry(3, exponential(1_000, 1_000)))
                .transition("exercise_retry", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
