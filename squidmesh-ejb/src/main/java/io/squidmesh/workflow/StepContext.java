package io.squidmesh.workflow;

import java.util.Map;
import java.util.UUID;

/**
 * What a step knows about the run it belongs to.
 *
 * @param runId        the run
 * @param workflow     the workflow name
 * @param step         this step's name
 * @param attempt      1-based attempt number
 * @param state        the run payload merged with the run context as it was before this attempt
 *                     (context wins on clashes); a cron run's schedule is at {@code state.get("schedule")}
 * @param compensation true when the step runs as a saga compensation callback
 */
public record StepContext(UUID runId, String workflow, String step, int attempt, Map<String, Object> state,
                          boolean compensation) {

    /**
     * The cron schedule metadata of the run, or an empty map for runs started by hand.
     *
     * @return {@code state.get("schedule")} if it is a map, else an empty map
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> schedule() {
        return state.get("schedule") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
