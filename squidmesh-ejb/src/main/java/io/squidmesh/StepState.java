package io.squidmesh;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One declared step as seen in a run (SPEC §7.4): the step run's data when the step has a row,
 * otherwise status {@code waiting} with the definition's recovery policy and no attempts.
 */
public record StepState(String step, String status, List<String> dependsOn, Map<String, Object> input,
                        Map<String, Object> output, Map<String, Object> lastError, Map<String, Object> recovery,
                        List<StepAttempt> attempts, Instant insertedAt, Instant updatedAt) {

    /** The status of a declared step that has no step run yet. */
    public static final String WAITING = "waiting";
}
