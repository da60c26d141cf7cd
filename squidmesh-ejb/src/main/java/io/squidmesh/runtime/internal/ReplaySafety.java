package io.squidmesh.runtime.internal;

import io.squidmesh.StepRun;
import io.squidmesh.persistence.StepStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether replaying a run could repeat a side effect nobody can undo (SPEC §6.11 step 3). Shared by
 * {@code replay_run}, which refuses such a replay without {@code allow_irreversible}, and
 * {@code explain_run}, which says so before the operator tries. Pure: it only reads the step runs given.
 */
public final class ReplaySafety {

    /** The override an operator must pass to replay a run that {@link #blockingSteps} objects to. */
    public static final String REQUIRED_OVERRIDE = "allow_irreversible";

    private static final String COMPLETED = StepStatus.COMPLETED.value(); // as the public step shapes carry it

    private ReplaySafety() {
    }

    /**
     * The completed step runs, in the given order, whose recovery policy requires a manual review before
     * replay; each as its policy plus {@code "step"}. Callers pass step runs whose {@code recovery()} is
     * already the effective policy (persisted snapshot preferred, see {@link RecoveryPolicies#effective}),
     * so a redeploy that relaxes a step's options does not make an already-executed side effect replayable.
     * Failed or unfinished steps never block: their side effect did not (knowingly) happen.
     */
    public static List<Map<String, Object>> blockingSteps(List<StepRun> stepRuns) {
        List<Map<String, Object>> blocking = new ArrayList<>();
        for (StepRun row : stepRuns) {
            // Ambiguity: a completed row of a step no longer declared still blocks when its persisted policy says so
            // (SPEC §6.11 prefers the persisted policy; the original skipped rows it could not name as a step).
            if (COMPLETED.equals(row.status()) && RecoveryPolicies.requiresReview(row.recovery())) {
                blocking.add(entry(row));
            }
        }
        return Collections.unmodifiableList(blocking);
    }

    /**
     * SPEC §9's replay details: {@code {"allowed?": true}} when nothing blocks, else
     * {@code {"allowed?": false, "required_override": "allow_irreversible", "blocked_by": [...]}}.
     */
    public static Map<String, Object> details(List<Map<String, Object>> blocking) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("allowed?", blocking.isEmpty());
        if (!blocking.isEmpty()) {
            details.put("required_override", REQUIRED_OVERRIDE);
            details.put("blocked_by", List.copyOf(blocking));
        }
        return Collections.unmodifiableMap(details);
    }

    private static Map<String, Object> entry(StepRun row) {
        Map<String, Object> entry = new LinkedHashMap<>(row.recovery());
        // "policy ∪ {step}": the row's own name wins over anything a stored policy might carry under "step".
        entry.put("step", row.step());
        return Collections.unmodifiableMap(entry);
    }
}
