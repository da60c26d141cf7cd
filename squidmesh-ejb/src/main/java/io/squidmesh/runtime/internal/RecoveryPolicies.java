package io.squidmesh.runtime.internal;

import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflows;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a recovery policy back (SPEC §4.5): the persisted snapshot wins over the current definition, an
 * irreversible step is never compensatable, missing {@code replay}/{@code recovery} are derived, and a
 * failure route's target shows as the step name or {@code complete}.
 */
public final class RecoveryPolicies {

    private RecoveryPolicies() {
    }

    public static Map<String, Object> effective(Map<String, Object> stored, StepSpec declared) {
        if (stored == null || stored.isEmpty()) {
            return declared == null ? null : declared.recoveryPolicy();
        }
        Map<String, Object> policy = new LinkedHashMap<>(stored);
        boolean irreversible = truthy(policy.get("irreversible?"));
        boolean compensatable = !irreversible && !Boolean.FALSE.equals(bool(policy.get("compensatable?")));
        policy.put("irreversible?", irreversible);
        policy.put("compensatable?", compensatable);
        boolean review = irreversible || !compensatable;
        policy.putIfAbsent("replay", review ? StepSpec.REPLAY_MANUAL_REVIEW : StepSpec.REPLAY_ALLOWED);
        policy.putIfAbsent("recovery", StepSpec.REPLAY_MANUAL_REVIEW.equals(policy.get("replay"))
                ? "manual_intervention" : "automatic");
        if (policy.get("failure") instanceof Map<?, ?> failure) {
            Object strategy = failure.get("strategy");
            Object target = failure.get("target");
            if (("compensation".equals(strategy) || "undo".equals(strategy)) && target instanceof String t) {
                policy.put("failure", Map.of("strategy", strategy, "target", renderTarget(t)));
            } else {
                policy.remove("failure");
            }
        }
        return policy;
    }

    public static boolean requiresReview(Map<String, Object> policy) {
        return policy != null && StepSpec.REPLAY_MANUAL_REVIEW.equals(policy.get("replay"));
    }

    public static String renderTarget(String target) {
        return Workflows.COMPLETE.equals(target) ? "complete" : target;
    }

    private static boolean truthy(Object value) {
        return Boolean.TRUE.equals(bool(value));
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
        }
        return null;
    }
}
