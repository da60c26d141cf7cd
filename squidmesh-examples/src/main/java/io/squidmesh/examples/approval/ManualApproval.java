package io.squidmesh.examples.approval;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Pauses at {@code wait_for_approval} until {@code approveRun} (ok transition) or {@code rejectRun} (error
 * transition). The decision (actor, comment, metadata, time) becomes the gate's output under
 * {@code approval}; the recording step reads it and writes its result back under the same key.
 */
@ApplicationScoped
public class ManualApproval implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("manual_approval")
                .trigger(manual("manual_approval").field("account_id", STRING))
                .approval("wait_for_approval", s -> s.output("approval"))
                .step("record_approval", RecordApproval.class,
                        s -> s.input("account_id", "approval").output("approval"))
                .step("record_rejection", RecordRejection.class,
                        s -> s.input("account_id", "approval").output("approval"))
                .transition("wait_for_approval", OK, "record_approval")
                .transition("wait_for_approval", ERROR, "record_rejection")
                .transition("record_approval", OK, COMPLETE)
                .transition("record_rejection", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
