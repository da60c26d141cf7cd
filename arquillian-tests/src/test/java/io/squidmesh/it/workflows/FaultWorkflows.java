package io.squidmesh.it.workflows;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.optional;
import static io.squidmesh.workflow.Workflows.workflow;

/** The workflows of the fault tests ({@code FaultsIT}). */
public final class FaultWorkflows {

    private FaultWorkflows() {
    }

    /** One step that sleeps, then one more. */
    @ApplicationScoped
    public static class LongStep implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_long_step")
                    .trigger(manual("it_long_step").field("sleep_ms", INTEGER))
                    .step("sleep", FaultSteps.Sleep.class)
                    .step("after_sleep", TestSteps.Echo.class)
                    .transition("sleep", OK, "after_sleep")
                    .transition("after_sleep", OK, COMPLETE)
                    .build();
        }
    }

    /** A step whose output cannot be stored, with retries (which must not be used) and no error route. */
    @ApplicationScoped
    public static class UnstorableOutput implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_unstorable")
                    .trigger(manual("it_unstorable").field("kind", STRING))
                    .step("produce", FaultSteps.Unstorable.class, s -> s.retry(3, exponential(100, 100)))
                    .transition("produce", OK, COMPLETE)
                    .build();
        }
    }

    /** The same step with an error route. */
    @ApplicationScoped
    public static class UnstorableRouted implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_unstorable_routed")
                    .trigger(manual("it_unstorable_routed").field("kind", STRING))
                    .step("produce", FaultSteps.Unstorable.class)
                    .step("fall_back", TestSteps.Echo.class)
                    .transition("produce", OK, COMPLETE)
                    .transition("produce", ERROR, "fall_back")
                    .transition("fall_back", OK, COMPLETE)
                    .build();
        }
    }

    /** A transactional step that holds between its writes. */
    @ApplicationScoped
    public static class HeldLedger implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_held_ledger")
                    .trigger(manual("it_held_ledger"))
                    .step("post", FaultSteps.HeldLedger.class, s -> s.transactional())
                    .transition("post", OK, COMPLETE)
                    .build();
        }
    }

    /** A saga whose oldest compensation holds at the gate. */
    @ApplicationScoped
    public static class SlowUndoSaga implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_slow_undo")
                    .trigger(manual("it_slow_undo"))
                    .step("hold_credit", TestSteps.Echo.class, s -> s.compensate(FaultSteps.HeldUndo.class))
                    .step("reserve", TestSteps.Echo.class, s -> s.compensate(RecoverySteps.Undo.class))
                    .step("charge", TestSteps.Decline.class)
                    .transition("hold_credit", OK, "reserve")
                    .transition("reserve", OK, "charge")
                    .transition("charge", OK, COMPLETE)
                    .build();
        }
    }

    /** Dependency mode: one root fails at once while its sibling, which owes a compensation, is still held. */
    @ApplicationScoped
    public static class LateSibling implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_late_sibling")
                    .trigger(manual("it_late_sibling"))
                    .step("fail_fast", FaultSteps.DeclineOnceSiblingHeld.class)
                    .step("slow_reserve", TestSteps.Gate.class, s -> s.compensate(RecoverySteps.Undo.class))
                    .step("join", TestSteps.Echo.class, s -> s.after("fail_fast", "slow_reserve"))
                    .build();
        }
    }

    /** Three quick steps, the target of the bulk-cancel race. */
    @ApplicationScoped
    public static class BulkTarget implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("it_bulk_target")
                    .trigger(manual("it_bulk_target").field("n", INTEGER, optional()))
                    .step("one", TestSteps.Echo.class)
                    .step("two", TestSteps.Echo.class)
                    .step("three", TestSteps.Echo.class)
                    .transition("one", OK, "two")
                    .transition("two", OK, "three")
                    .transition("three", OK, COMPLETE)
                    .build();
        }
    }
}
