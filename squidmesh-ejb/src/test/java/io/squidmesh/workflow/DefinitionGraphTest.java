package io.squidmesh.workflow;

import io.squidmesh.workflow.TestSteps.Noop;
import io.squidmesh.workflow.TestSteps.Other;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph a run is pinned to: what changes it (and its fingerprint), what does not, and how changes are named. */
class DefinitionGraphTest {

    private static WorkflowBuilder order() {
        return workflow("order").trigger(manual("order"))
                .step("reserve", Noop.class)
                .step("ship", Noop.class)
                .transition("reserve", Outcome.OK, "ship")
                .transition("ship", Outcome.OK, COMPLETE);
    }

    @Test
    void linesNameEachStepWithItsKindAndEachTransition() {
        assertEquals(List.of("step reserve custom", "step ship custom", "transition reserve ok ship",
                "transition ship ok complete"), order().build().graph().lines());
    }

    @Test
    void whatARunDoesNotDependOnLeavesTheFingerprintAlone() {
        String plain = order().build().fingerprint();
        Workflow retouched = workflow("order").description("now with words").version("1").trigger(manual("order"))
                .step("reserve", Other.class, s -> s.retry(5, Backoff.exponential(1_000, 5_000)).output("held"))
                .step("ship", Noop.class)
                .transition("reserve", Outcome.OK, "ship")
                .transition("ship", Outcome.OK, COMPLETE)
                .build();
        assertEquals(plain, retouched.fingerprint());
        assertTrue(plain.matches("[0-9a-f]{16}"), plain);
    }

    @Test
    void aRenamedStepOrAChangedTransitionChangesTheFingerprintAndIsNamed() {
        Workflow before = order().build();
        Workflow after = workflow("order").trigger(manual("order"))
                .step("reserve", Noop.class)
                .step("pack", Noop.class)
                .step("ship", Noop.class)
                .transition("reserve", Outcome.OK, "pack")
                .transition("pack", Outcome.OK, "ship")
                .transition("ship", Outcome.OK, COMPLETE)
                .build();
        assertNotEquals(before.fingerprint(), after.fingerprint());
        assertEquals(List.of("removed: transition reserve ok ship", "added: step pack custom",
                "added: transition pack ok ship", "added: transition reserve ok pack"),
                before.graph().changesTo(after.graph()));
        assertEquals(List.of(), before.graph().changesTo(order().build().graph()));
    }

    @Test
    void aStepOfAnotherKindOrAnotherDependencyChangesTheGraph() {
        Workflow custom = workflow("w").trigger(manual("w")).step("a", Noop.class).step("b", Noop.class,
                s -> s.after("a")).build();
        Workflow logged = workflow("w").trigger(manual("w")).step("a", Workflows.log("a")).step("b", Noop.class,
                s -> s.after("a")).build();
        Workflow independent = workflow("w").trigger(manual("w")).step("a", Noop.class).step("b", Noop.class,
                s -> s.after("c")).step("c", Noop.class).build();
        assertEquals(List.of("removed: step a custom", "added: step a log"),
                custom.graph().changesTo(logged.graph()));
        assertTrue(custom.graph().changesTo(independent.graph()).contains("removed: after b a"));
    }

    @Test
    void theVersionIsOneUnlessDeclaredAndMustBeALabel() {
        assertEquals("1", order().build().version());
        assertEquals("2.1-rc", order().version("2.1-rc").build().version());
        WorkflowValidationException bad = assertThrows(WorkflowValidationException.class,
                () -> order().version("two words").build());
        assertTrue(bad.getMessage().contains("workflow version must be 1 to 64 letters"), bad.getMessage());
        assertThrows(WorkflowValidationException.class, () -> order().version("").build());
        assertThrows(WorkflowValidationException.class, () -> order().version("x".repeat(65)).build());
    }
}
