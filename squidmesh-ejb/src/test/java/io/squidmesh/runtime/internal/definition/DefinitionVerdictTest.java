package io.squidmesh.runtime.internal.definition;

import io.squidmesh.workflow.DefinitionGraph;
import io.squidmesh.workflow.Outcome;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A delivery's verdict on a run's pinned definition, row by row. */
class DefinitionVerdictTest {

    static final class Noop implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }

    private static WorkflowBuilder order(String version) {
        return workflow("order").version(version).trigger(manual("order"))
                .step("reserve", Noop.class).step("ship", Noop.class)
                .transition("reserve", Outcome.OK, "ship").transition("ship", Outcome.OK, COMPLETE);
    }

    private static final Workflow V1 = order("1").build();
    private static final Workflow V2 = order("2").build();
    private static final Workflow V1_CHANGED = workflow("order").version("1").trigger(manual("order"))
            .step("reserve", Noop.class).step("pack", Noop.class)
            .transition("reserve", Outcome.OK, "pack").transition("pack", Outcome.OK, COMPLETE).build();

    private static DefinitionVerdict judge(String version, String fingerprint, List<Workflow> deployed) {
        return DefinitionVerdict.judge("order", version, fingerprint, deployed, () -> Optional.of(V1.graph()));
    }

    @Test
    void thePinnedVersionDeployedAsItWasIsUsed() {
        DefinitionVerdict verdict = judge("1", V1.fingerprint(), List.of(V2, V1));
        assertSame(V1, assertInstanceOf(DefinitionVerdict.Use.class, verdict).workflow());
    }

    @Test
    void aRunFromBeforeVersionsAdoptsItsVersionOrTheNewest() {
        assertSame(V1, assertInstanceOf(DefinitionVerdict.Adopt.class, judge("1", null, List.of(V2, V1))).workflow());
        assertSame(V2, assertInstanceOf(DefinitionVerdict.Adopt.class, judge(null, null, List.of(V2, V1))).workflow());
    }

    @Test
    void noVersionDeployedAtAllDefers() {
        assertInstanceOf(DefinitionVerdict.Absent.class, judge("1", V1.fingerprint(), List.of()));
    }

    @Test
    void aVersionNoLongerDeployedHoldsTheRunNamingWhatIsDeployed() {
        Map<String, Object> hold = assertInstanceOf(DefinitionVerdict.Hold.class,
                judge("1", V1.fingerprint(), List.of(V2))).hold();
        assertEquals("version_not_deployed", hold.get("reason"));
        assertEquals("1", hold.get("version"));
        assertEquals(List.of("2"), hold.get("deployed_versions"));
        assertEquals("version 1 of workflow order is not deployed", hold.get("message"));
    }

    @Test
    void aChangedGraphHoldsTheRunNamingTheChangedLines() {
        Map<String, Object> hold = assertInstanceOf(DefinitionVerdict.Hold.class,
                judge("1", V1.fingerprint(), List.of(V2, V1_CHANGED))).hold();
        assertEquals("definition_changed", hold.get("reason"));
        assertEquals(V1.fingerprint(), hold.get("fingerprint"));
        assertEquals(V1_CHANGED.fingerprint(), hold.get("deployed_fingerprint"));
        assertEquals(List.of("removed: step ship custom", "removed: transition reserve ok ship",
                "removed: transition ship ok complete", "added: step pack custom", "added: transition pack ok complete",
                "added: transition reserve ok pack"), hold.get("changes"));
    }

    @Test
    void aChangedGraphWhoseOldShapeNobodyRecordedStillHoldsTheRun() {
        Map<String, Object> hold = assertInstanceOf(DefinitionVerdict.Hold.class, DefinitionVerdict.judge("order",
                "1", V1.fingerprint(), List.of(V1_CHANGED), Optional::<DefinitionGraph>empty)).hold();
        assertEquals("definition_changed", hold.get("reason"));
        assertEquals("unknown", hold.get("changes"));
    }

    @Test
    void theOldGraphIsLookedUpOnlyWhenTheFingerprintDiffers() {
        AtomicInteger lookups = new AtomicInteger();
        DefinitionVerdict.judge("order", "1", V1.fingerprint(), List.of(V1), () -> {
            lookups.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(0, lookups.get());
    }
}
