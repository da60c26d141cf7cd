package io.squidmesh.it.workflows;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.BOOLEAN;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.workflow;

/** Workflows for pause, approval, replay, compensation and transactional steps. */
public final class RecoveryWorkflows {

    private RecoveryWorkflows() {
    }

    @ApplicationScoped
    public static class Pausing implements WorkflowDefinition {
        @Override
        public Workflow define() {
            // tag::pause[]
            return workflow("it_pause")
                    .trigger(manual("it_pause").field("account_id", STRING))
                    .step("prepare", TestSteps.Echo.class, s -> s.output("prepared"))
                    .step("hold_on", pause(), s -> s.output("resume"))
                    .step("after_pause", TestSteps.Echo.class, s -> s.input("account_id").output("after"))
                    .transition("prepare", OK, "hold_on")
                    .transition("hold_on", OK, "after_pause")
                    .transition("after_pause", OK, COMPLETE)
                    .build();
            // end::pause[]
        }
    }

    @ApplicationScoped
    public static class Approval implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_approval")
                    .trigger(manual("it_approval").field("account_id", STRING))
                    .approval("wait_for_approval", s -> s.output("approval"))
                    .step("record_approval", TestSteps.Echo.class, s -> s.input("account_id", "approval").output("approval"))
                    .step("record_rejection", TestSteps.Echo.class, s -> s.input("account_id", "approval").output("approval"))
                    .transition("wait_for_approval", OK, "record_approval")
                    .transition("wait_for_approval", ERROR, "record_rejection")
                    .transition("record_approval", OK, COMPLETE)
                    .transition("record_rejection", OK, COMPLETE)
                    .build();
        }
    }

    /** SPEC §15.2 saga_checkout's shape: two compensatable steps, then a capture that exhausts its retries. */
    @ApplicationScoped
    public static class Saga implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_saga")
                    .trigger(manual("it_saga").field("order_id", STRING))
                    .step("reserve_inventory", TestSteps.Echo.class, s -> s.output("reservation")
                            .compensate(RecoverySteps.Undo.class))
                    .step("authorize_payment", TestSteps.Echo.class, s -> s.output("authorization")
                            .compensate(RecoverySteps.Undo.class))
                    .step("notify", TestSteps.Echo.class)
                    .step("capture_payment", RecoverySteps.AlwaysRetry.class, s -> s.retry(2, exponential(1_000, 1_000)))
                    .transition("reserve_inventory", OK, "authorize_payment")
                    .transition("authorize_payment", OK, "notify")
                    .transition("notify", OK, "capture_payment")
                    .transition("capture_payment", OK, COMPLETE)
                    .build();
        }
    }

    /** A compensation that fails, beside one that succeeds. */
    @ApplicationScoped
    public static class SagaWithFailingUndo implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_saga_failing_undo")
                    .trigger(manual("it_saga_failing_undo"))
                    .step("hold_credit", TestSteps.Echo.class, s -> s.compensate(RecoverySteps.Undo.class))
                    .step("reserve", TestSteps.Echo.class, s -> s.compensate(RecoverySteps.UndoFails.class))
                    .step("charge", TestSteps.Decline.class)
                    .transition("hold_credit", OK, "reserve")
                    .transition("reserve", OK, "charge")
                    .transition("charge", OK, COMPLETE)
                    .build();
        }
    }

    /** An irreversible step: replaying past it needs the override. */
    @ApplicationScoped
    public static class Shipping implements WorkflowDefinition {
        @Override
        public Workflow define() {
            // tag::irreversible[]
            return workflow("it_shipping")
                    .trigger(manual("it_shipping").field("order_id", STRING))
                    .step("pack", TestSteps.Echo.class)
                    .step("ship", TestSteps.Echo.class, s -> s.irreversible())
                    .transition("pack", OK, "ship")
                    .transition("ship", OK, COMPLETE)
                    .build();
            // end::irreversible[]
        }
    }

    /** A transactional step writing host rows in the same transaction as its completion. */
    @ApplicationScoped
    public static class Ledger implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_ledger")
                    .trigger(manual("it_ledger")
                            .field("fail_commit_once", BOOLEAN, defaultValue(false))
                            .field("fail_after_reserve", BOOLEAN, defaultValue(false)))
                    .step("post_entries", RecoverySteps.Ledger.class, s -> s.transactional()
                            .retry(3, exponential(1_000, 1_000)).output("ledger"))
                    .step("confirm", TestSteps.Echo.class, s -> s.input("ledger"))
                    .transition("post_entries", OK, "confirm")
                    .transition("confirm", OK, COMPLETE)
                    .build();
        }
    }
}
