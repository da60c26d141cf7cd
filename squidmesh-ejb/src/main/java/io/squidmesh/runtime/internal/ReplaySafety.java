package io.squidmesh.runtime.internal;

import io.squidmesh.StepRun;
import io.squidmesh.workflow.StepSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which completed steps make a replay unsafe (SPEC §6.11): those whose recovery policy requires review. */
final class ReplaySafety {

    private ReplaySafety() {
    }

    /** Completed step runs (recovery already effective) whose replay needs review, as policy plus {@code step}. */
    static List<Map<String, Object>> blockingSteps(List<StepRun> stepRuns) {
        List<Map<String, Object>> blocking = new ArrayList<>();
        for (StepRun row : stepRuns) {
            if ("completed".equals(row.status()) && row.recovery() != null
                    && StepSpec.REPLAY_MANUAL_REVIEW.equals(row.recovery().get("replay"))) {
                Map<String, Object> entry = new LinkedHashMap<>(row.recovery());
                entry.put("step", row.step());
                blocking.add(entry);
            }
        }
        return blocking;
    }
}
