package io.squidmesh.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.squidmesh.StepRun;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ReplaySafetyTest {

    private static final Instant AT = Instant.parse("2026-05-15T10:00:00Z");

    private static final Map<String, Object> ALLOWED = Map.of("irreversible?", false, "compensatable?", true,
            "replay", "allowed", "recovery", "automatic");

    private static final Map<String, Object> IRREVERSIBLE = Map.of("irreversible?", true, "compensatable?", false,
            "replay", "manual_review_required", "recovery", "manual_intervention");

    private static final Map<String, Object> NON_COMPENSATABLE = Map.of("irreversible?", false,
            "compensatable?", false, "replay", "manual_review_required", "recovery", "manual_intervention");

    @Test
    void noStepRunsBlockNothing() {
        assertEquals(List.of(), ReplaySafety.blockingSteps(List.of()));
    }

    @Test
    void completedStepsRequiringReviewBlockInTheGivenOrderAsPolicyPlusStep() {
        List<Map<String, Object>> blocking = ReplaySafety.blockingSteps(List.of(
                row("load_account", "completed", ALLOWED),
                row("capture_payment", "completed", IRREVERSIBLE),
                row("notify_ledger", "completed", NON_COMPENSATABLE)));

        assertEquals(List.of(with(IRREVERSIBLE, "step", "capture_payment"),
                with(NON_COMPENSATABLE, "step", "notify_ledger")), blocking);
    }

    @Test
    void onlyCompletedStepsCountBecauseAFailedOrUnfinishedSideEffectDidNotHappen() {
        List<Map<String, Object>> blocking = ReplaySafety.blockingSteps(List.of(
                row("charge_card", "failed", IRREVERSIBLE),
                row("ship_order", "running", IRREVERSIBLE),
                row("send_invoice", "pending", IRREVERSIBLE)));

        assertEquals(List.of(), blocking);
    }

    @Test
    void theGivenPolicyIsTrustedAsTheEffectiveOneSoAPersistedReviewBlocksAndAbsentPoliciesDoNot() {
        // A persisted snapshot keeps whatever else it recorded (here the compensation progress).
        Map<String, Object> persisted = with(NON_COMPENSATABLE, "compensation",
                Map.of("callback", "Release", "status", "completed"));
        List<Map<String, Object>> blocking = ReplaySafety.blockingSteps(List.of(
                row("reserve", "completed", persisted),
                row("undeclared_without_policy", "completed", null)));

        assertEquals(List.of(with(persisted, "step", "reserve")), blocking);
    }

    @Test
    void theRowNameWinsOverAStepKeyInsideTheStoredPolicy() {
        List<Map<String, Object>> blocking = ReplaySafety.blockingSteps(List.of(
                row("capture_payment", "completed", with(IRREVERSIBLE, "step", "something_else"))));

        assertEquals("capture_payment", blocking.get(0).get("step"));
    }

    @Test
    void detailsAllowReplayWhenNothingBlocks() {
        assertEquals(Map.of("allowed?", true), ReplaySafety.details(List.of()));
    }

    @Test
    void detailsNameTheOverrideAndTheBlockingStepsOtherwise() {
        List<Map<String, Object>> blocking = List.of(with(IRREVERSIBLE, "step", "capture_payment"));

        assertEquals(Map.of("allowed?", false, "required_override", "allow_irreversible", "blocked_by", blocking),
                ReplaySafety.details(blocking));
    }

    @Test
    void resultsAreReadOnly() {
        List<Map<String, Object>> blocking = ReplaySafety.blockingSteps(List.of(
                row("capture_payment", "completed", IRREVERSIBLE)));

        assertThrows(UnsupportedOperationException.class, () -> blocking.add(Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> blocking.get(0).put("step", "x"));
        assertThrows(UnsupportedOperationException.class,
                () -> ReplaySafety.details(blocking).put("allowed?", true));
    }

    private static StepRun row(String step, String status, Map<String, Object> recovery) {
        return new StepRun(UUID.nameUUIDFromBytes(step.getBytes(StandardCharsets.UTF_8)), step,
                status, Map.of(), null, null, recovery, List.of(), AT, AT);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
