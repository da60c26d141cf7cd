package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.RunStatus;
import io.squidmesh.runtime.DeliveryDeferredException.Reason;
import io.squidmesh.runtime.internal.definition.DefinitionVerdict;
import io.squidmesh.runtime.internal.delivery.ClaimTest.Noop;
import io.squidmesh.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The run-level checks of a step delivery (SPEC §6.5 B), one row per rule, in the order they apply. */
class DeliveryGateTest {

    private static final Workflow LINE = workflow("line").trigger(manual("line"))
            .step("a", Noop.class).step("b", Noop.class)
            .transition("a", OK, "b").transition("b", OK, COMPLETE).build();
    private static final Workflow GRAPH = workflow("graph").trigger(manual("graph"))
            .step("a", Noop.class).step("b", Noop.class, s -> s.after("a")).build();
    private static final Supplier<DefinitionVerdict> NOT_ASKED = () -> {
        throw new AssertionError("the definition must not be judged");
    };

    private static DeliveryGate judge(RunStatus status, Supplier<DefinitionVerdict> definition, boolean overran,
                                      String step, String current) {
        return DeliveryGate.judge(status, definition, overran, step, current);
    }

    private static Supplier<DefinitionVerdict> use(Workflow workflow) {
        return () -> new DefinitionVerdict.Use(workflow);
    }

    @Test
    void aCancellingRunIsCancelledWithoutLookingAtItsDefinition() {
        assertInstanceOf(DeliveryGate.CancelRun.class, judge(RunStatus.CANCELLING, NOT_ASKED, true, "a", "a"));
    }

    @Test
    void aRunThatSchedulesNothingIsLeftAloneWhateverElseHolds() {
        for (RunStatus status : new RunStatus[] {RunStatus.PAUSED, RunStatus.COMPLETED, RunStatus.FAILED,
                RunStatus.CANCELLED}) {
            assertEquals(new DeliveryGate.RunSettled(status), judge(status, NOT_ASKED, true, "zzz", "a"));
        }
    }

    @Test
    void aWorkflowThisNodeDoesNotDeployDefersTheDelivery() {
        assertEquals(new DeliveryGate.Defer(Reason.UNKNOWN_WORKFLOW, null),
                judge(RunStatus.RUNNING, DefinitionVerdict.Absent::new, true, "a", "a"));
    }

    @Test
    void aChangedDefinitionHoldsTheRunBeforeItsDeadlineIsLookedAt() {
        DefinitionVerdict.Hold hold = new DefinitionVerdict.Hold(Map.of("reason", DefinitionVerdict.DEFINITION_CHANGED));
        assertEquals(new DeliveryGate.HoldRun(hold), judge(RunStatus.PENDING, () -> hold, true, "a", "a"));
    }

    @Test
    void anOverrunDeadlineComesBeforeTheStepItself() {
        assertEquals(new DeliveryGate.ExpireRun(LINE), judge(RunStatus.RUNNING, use(LINE), true, "undeclared", "b"));
    }

    @Test
    void aStepTheDeployedWorkflowDoesNotDeclareDefersNamingTheWorkflow() {
        assertEquals(new DeliveryGate.Defer(Reason.UNKNOWN_STEP, LINE),
                judge(RunStatus.RUNNING, use(LINE), false, "undeclared", "a"));
    }

    @Test
    void inTransitionModeADeliveryForAStepTheRunHasLeftIsStale() {
        assertInstanceOf(DeliveryGate.Stale.class, judge(RunStatus.RUNNING, use(LINE), false, "a", "b"));
    }

    @Test
    void inDependencyModeAnyDeclaredStepMayRunWhateverTheCurrentStep() {
        assertEquals(new DeliveryGate.Open(GRAPH, GRAPH.step("b").orElseThrow()),
                judge(RunStatus.RUNNING, use(GRAPH), false, "b", null));
    }

    @Test
    void theCurrentStepOfALiveRunOpens() {
        for (RunStatus status : new RunStatus[] {RunStatus.PENDING, RunStatus.RUNNING, RunStatus.RETRYING}) {
            assertEquals(new DeliveryGate.Open(LINE, LINE.step("b").orElseThrow()),
                    judge(status, use(LINE), false, "b", "b"));
        }
    }

    @Test
    void aRunFromBeforeVersionsIsAdoptedAndGoesOn() {
        assertEquals(new DeliveryGate.Open(LINE, LINE.step("a").orElseThrow()),
                judge(RunStatus.RUNNING, () -> new DefinitionVerdict.Adopt(LINE), false, "a", "a"));
    }
}
