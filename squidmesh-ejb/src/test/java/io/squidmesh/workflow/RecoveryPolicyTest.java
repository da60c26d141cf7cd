package io.squidmesh.workflow;

import io.squidmesh.workflow.TestSteps.Noop;
import io.squidmesh.workflow.TestSteps.Undo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.waitFor;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recovery policy derived from a step's markers (SPEC §4.5) and the built-in step kinds (SPEC §4.4). */
class RecoveryPolicyTest {

    private static final Map<String, Object> AUTOMATIC = policy(false, true, "allowed", "automatic");

    private static Map<String, Object> policy(boolean irreversible, boolean compensatable, String replay,
                                              String recovery) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("irreversible?", irreversible);
        policy.put("compensatable?", compensatable);
        policy.put("replay", replay);
        policy.put("recovery", recovery);
        return policy;
    }

    private static StepSpec step(Consumer<StepOptions> options) {
        return workflow("wf").trigger(manual("start")).step("a", Noop.class, options).build()
                .step("a").orElseThrow();
    }

    private static StepSpec waitStep(Duration duration) {
        return workflow("wf").trigger(manual("start")).step("w", waitFor(duration)).build().step("w").orElseThrow();
    }

    @Test
    void aPlainStepRecoversAutomatically() {
        StepSpec step = step(s -> { });
        assertEquals(AUTOMATIC, step.recoveryPolicy());
        assertFalse(step.irreversible());
        assertTrue(step.compensatable());
        assertNull(step.compensate());
    }

    @Test
    void explicitDefaultsChangeNothing() {
        assertEquals(AUTOMATIC, step(s -> s.irreversible(false).compensatable(true)).recoveryPolicy());
    }

    @Test
    void aCompensatedStepNamesItsCallback() {
        StepSpec step = step(s -> s.compensate(Undo.class));
        Map<String, Object> expected = policy(false, true, "allowed", "automatic");
        expected.put("compensation", Map.of("callback", "io.squidmesh.workflow.TestSteps$Undo",
                "status", "available"));
        assertEquals(expected, step.recoveryPolicy());
        assertEquals(Undo.class, step.compensate());
    }

    @Test
    void anIrreversibleStepNeedsManualReview() {
        StepSpec step = step(StepOptions::irreversible);
        assertEquals(policy(true, false, "manual_review_required", "manual_intervention"), step.recoveryPolicy());
        assertTrue(step.irreversible());
        assertFalse(step.compensatable(), "irreversible implies non-compensatable");
    }

    @Test
    void aNonCompensatableStepNeedsManualReview() {
        StepSpec step = step(s -> s.compensatable(false));
        assertEquals(policy(false, false, "manual_review_required", "manual_intervention"), step.recoveryPolicy());
        assertFalse(step.irreversible());
    }

    @Test
    void builtInStepsRecoverAutomatically() {
        Workflow workflow = workflow("wf").trigger(manual("start"))
                .step("announce", log("hello"))
                .step("hold", pause())
                .approval("review")
                .step("cool_down", waitFor(Duration.ofSeconds(2)))
                .transition("announce", OK, "hold")
                .transition("hold", OK, "review")
                .transition("review", OK, "cool_down")
                .transition("review", ERROR, COMPLETE)
                .transition("cool_down", OK, COMPLETE)
                .build();
        assertEquals(List.of(StepKind.LOG, StepKind.PAUSE, StepKind.APPROVAL, StepKind.WAIT),
                workflow.steps().stream().map(StepSpec::kind).toList());
        for (StepSpec step : workflow.steps()) {
            assertNull(step.implementation(), step.name());
            assertEquals(AUTOMATIC, step.recoveryPolicy(), step.name());
        }
        assertEquals(List.of(false, true, true, false), workflow.steps().stream().map(StepSpec::isManual).toList());
    }

    @Test
    void logStepsKeepTheirMessageAndLevel() {
        Workflow workflow = workflow("wf").trigger(manual("start"))
                .step("plain", log("posting daily digest"))
                .step("loud", log("careful", LogLevel.WARNING))
                .step("by_name", log("boom"), s -> s.option("level", "ERROR"))
                .transition("plain", OK, "loud")
                .transition("loud", OK, "by_name")
                .build();
        StepSpec plain = workflow.step("plain").orElseThrow();
        assertEquals("posting daily digest", plain.message());
        assertEquals(LogLevel.INFO, plain.level());
        assertEquals(LogLevel.WARNING, workflow.step("loud").orElseThrow().level());
        assertEquals(LogLevel.ERROR, workflow.step("by_name").orElseThrow().level());
        assertNull(plain.duration());
    }

    @Test
    void waitsRoundUpToWholeSecondsAsTheOriginal() {
        assertEquals(Duration.ofSeconds(1), waitStep(Duration.ofMillis(10)).waitDelay());
        assertEquals(Duration.ofSeconds(1), waitStep(Duration.ofMillis(1_000)).waitDelay());
        assertEquals(Duration.ofSeconds(2), waitStep(Duration.ofMillis(1_001)).waitDelay());
        assertEquals(Duration.ofSeconds(1), waitStep(Duration.ofNanos(10)).waitDelay(), "never a zero delay");
        assertEquals(Duration.ofMinutes(1), waitStep(Duration.ofMinutes(1)).waitDelay());
        assertEquals(Duration.ofMillis(10), waitStep(Duration.ofMillis(10)).duration());
    }

    @Test
    void aNumericDurationIsInMilliseconds() {
        StepSpec step = workflow("wf").trigger(manual("start"))
                .step("w", waitFor(Duration.ofSeconds(1)), s -> s.option("duration", 2_500)).build()
                .step("w").orElseThrow();
        assertEquals(Duration.ofMillis(2_500), step.duration());
        assertEquals(Duration.ofSeconds(3), step.waitDelay());
    }

    @Test
    void transactionBoundary() {
        assertTrue(step(StepOptions::transactional).transactional());
        assertTrue(step(s -> s.option("transaction", "repo")).transactional());
        assertFalse(step(s -> { }).transactional());
    }

    @Test
    void inputAndOutputMappings() {
        StepSpec mapped = step(s -> s.input("account_id", "approval").output("approval"));
        assertEquals(List.of("account_id", "approval"), mapped.input());
        assertEquals("approval", mapped.output());
        StepSpec plain = step(s -> { });
        assertNull(plain.input(), "no input option: the step sees the whole run state");
        assertNull(plain.output());
    }
}
