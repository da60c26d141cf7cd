package io.squidmesh.examples.wait;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.waitFor;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Waits, then records a delivery. The wait holds no thread: its successor is enqueued with a delivery delay
 * (10 ms, rounded up to the executor's 1 s). Cancelling during that second leaves the run
 * {@code cancelling} until the delayed delivery arrives and turns it {@code cancelled} without running it.
 */
@ApplicationScoped
public class CancellableWait implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // the original example names its single trigger "manual"
        // tag::definition[]
        return workflow("cancellable_wait")
                .trigger(manual("manual").field("account_id", STRING))
                .step("wait_for_cancellation", waitFor(Duration.ofMillis(10)))
                .step("record_delivery", log("delivery recorded"))
                .transition("wait_for_cancellation", OK, "record_delivery")
                .transition("record_delivery", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
