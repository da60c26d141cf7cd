package io.squidmesh.workflow;

import io.squidmesh.workflow.TestSteps.Noop;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roots, phases, dependency order and dependency progress (SPEC §4.7, §4.8, §6.6). */
class DependencyModeTest {

    private static final String COMPLETED = "completed";
    private static final String PENDING = "pending";
    private static final String RUNNING = "running";
    private static final String FAILED = "failed";

    private static WorkflowBuilder base() {
        return workflow("wf").trigger(manual("start"));
    }

    /** a → (b, c) → d. */
    private static Workflow diamond() {
        return base()
                .step("a", Noop.class)
                .step("b", Noop.class, s -> s.after("a"))
                .step("c", Noop.class, s -> s.after("a"))
                .step("d", Noop.class, s -> s.after("b", "c"))
                .build();
    }

    /** The pinned case of SPEC §6.6: roots a and b, c after a. */
    private static Workflow twoRootsAndAChild() {
        return base()
                .step("a", Noop.class)
                .step("b", Noop.class)
                .step("c", Noop.class, s -> s.after("a"))
                .build();
    }

    private static List<String> names(List<StepSpec> steps) {
        return steps.stream().map(StepSpec::name).toList();
    }

    private static DependencyProgress dispatch(String... steps) {
        return new DependencyProgress.Dispatch(List.of(steps));
    }

    @Test
    void rootsAreTheEntryStepsInDeclarationOrder() {
        Workflow workflow = base()
                .step("join", Noop.class, s -> s.after("load_invoice", "load_account"))
                .step("load_invoice", Noop.class)
                .step("load_account", Noop.class)
                .build();
        assertTrue(workflow.isDependencyMode());
        assertEquals(List.of("load_invoice", "load_account"), workflow.entrySteps());
        assertEquals("load_invoice", workflow.initialStep());
        assertNull(workflow.entryStep());
        assertEquals(List.of("load_invoice", "load_account"), workflow.dependsOn("join"));
        assertEquals(List.of(), workflow.dependsOn("load_invoice"));
        assertEquals(List.of(), workflow.dependsOn("no_such_step"));
    }

    @Test
    void phasesOfADiamond() {
        Workflow workflow = diamond();
        assertEquals(List.of(0, 1, 1, 2),
                List.of(workflow.phase("a"), workflow.phase("b"), workflow.phase("c"), workflow.phase("d")));
    }

    @Test
    void aPhaseIsTheLongestPathFromARoot() {
        // d depends on a (phase 0) and c (phase 2): its phase is 3, not 1.
        Workflow workflow = base()
                .step("d", Noop.class, s -> s.after("a", "c"))
                .step("c", Noop.class, s -> s.after("b"))
                .step("b", Noop.class, s -> s.after("a"))
                .step("a", Noop.class)
                .step("e", Noop.class)
                .build();
        assertEquals(Map.of("a", 0, "b", 1, "c", 2, "d", 3, "e", 0), Map.of(
                "a", workflow.phase("a"), "b", workflow.phase("b"), "c", workflow.phase("c"),
                "d", workflow.phase("d"), "e", workflow.phase("e")));
        assertEquals(List.of("a", "e", "b", "c", "d"), names(workflow.dependencyOrder()));
        assertEquals(List.of("a", "e", "b", "c", "d"), names(workflow.inspectionOrder()));
        assertEquals(List.of("d", "c", "b", "a", "e"), names(workflow.steps()));
    }

    @Test
    void dependencyOrderBreaksPhaseTiesByDeclaration() {
        Workflow workflow = base()
                .step("report", Noop.class, s -> s.after("load_b", "load_a"))
                .step("load_b", Noop.class)
                .step("check_b", Noop.class, s -> s.after("load_b"))
                .step("load_a", Noop.class)
                .build();
        assertEquals(List.of("load_b", "load_a", "report", "check_b"), names(workflow.dependencyOrder()));
    }

    @Test
    void transitionWorkflowsListStepsInDeclarationOrder() {
        Workflow workflow = base()
                .step("finish", Noop.class)
                .step("middle", Noop.class)
                .step("begin", Noop.class)
                .transition("begin", OK, "middle")
                .transition("middle", OK, "finish")
                .transition("finish", OK, COMPLETE)
                .build();
        assertFalse(workflow.isDependencyMode());
        assertEquals(List.of("finish", "middle", "begin"), names(workflow.inspectionOrder()));
        assertEquals(0, workflow.phase("finish"));
    }

    @Test
    void theEntryStepOfATransitionWorkflowDoesNotDependOnDeclarationOrder() {
        Workflow workflow = base()
                .step("finish", Noop.class)
                .step("middle", Noop.class)
                .step("begin", Noop.class)
                .transition("middle", OK, "finish")
                .transition("begin", OK, "middle")
                .transition("finish", OK, COMPLETE)
                .build();
        assertEquals("begin", workflow.entryStep());
        assertEquals("begin", workflow.initialStep());
        assertEquals(List.of("begin"), workflow.entrySteps());
    }

    @Test
    void completeWhenEveryStepCompleted() {
        assertEquals(new DependencyProgress.Complete(), diamond().dependencyProgress(
                Map.of("a", COMPLETED, "b", COMPLETED, "c", COMPLETED, "d", COMPLETED)));
    }

    @Test
    void nothingScheduledYetDispatchesEveryRoot() {
        assertEquals(dispatch("a", "b"), twoRootsAndAChild().dependencyProgress(Map.of()));
    }

    @Test
    void finishingOneRootDoesNotDispatchItsChildWhileAnotherRootIsUnfinished() {
        Workflow workflow = twoRootsAndAChild();
        assertEquals(new DependencyProgress.Wait(),
                workflow.dependencyProgress(Map.of("a", COMPLETED, "b", RUNNING)));
        assertEquals(new DependencyProgress.Wait(),
                workflow.dependencyProgress(Map.of("a", COMPLETED, "b", PENDING)));
        // b never scheduled: only phase 0 is considered, so b goes and c (whose dependency is done) does not.
        assertEquals(dispatch("b"), workflow.dependencyProgress(Map.of("a", COMPLETED)));
        assertEquals(dispatch("c"), workflow.dependencyProgress(Map.of("a", COMPLETED, "b", COMPLETED)));
    }

    @Test
    void everyReadyStepOfThePhaseIsDispatchedTogether() {
        assertEquals(dispatch("b", "c"), diamond().dependencyProgress(Map.of("a", COMPLETED)));
    }

    @Test
    void stepsThatAlreadyHaveARowAreNotDispatchedAgain() {
        assertEquals(dispatch("c"), diamond().dependencyProgress(Map.of("a", COMPLETED, "b", RUNNING)));
    }

    @Test
    void aJoinWaitsForAllItsDependencies() {
        Workflow workflow = diamond();
        assertEquals(new DependencyProgress.Wait(),
                workflow.dependencyProgress(Map.of("a", COMPLETED, "b", COMPLETED, "c", RUNNING)));
        assertEquals(dispatch("d"),
                workflow.dependencyProgress(Map.of("a", COMPLETED, "b", COMPLETED, "c", COMPLETED)));
    }

    @Test
    void aFailedStepInThePhaseMeansWait() {
        Workflow workflow = diamond();
        assertEquals(new DependencyProgress.Wait(),
                workflow.dependencyProgress(Map.of("a", COMPLETED, "b", COMPLETED, "c", FAILED)));
        assertEquals(new DependencyProgress.Wait(), workflow.dependencyProgress(Map.of("a", FAILED)));
    }

    @Test
    void stuckWhenNoStepOfThePhaseCanRunOrIsInFlight() {
        Workflow workflow = diamond();
        assertEquals(new DependencyProgress.Stuck(List.of("b", "c")),
                workflow.dependencyProgress(Map.of("a", COMPLETED, "b", "cancelled", "c", "cancelled")));
        assertEquals(new DependencyProgress.Stuck(List.of("a", "b")),
                twoRootsAndAChild().dependencyProgress(Map.of("a", "skipped", "b", "skipped")));
    }
}
