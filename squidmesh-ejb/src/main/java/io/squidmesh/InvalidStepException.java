package io.squidmesh;

import java.util.Map;

/**
 * The run's current step cannot take this action ({@code invalid_step}): it is not a pause (unblock) or
 * approval (approve, reject) step, it is no longer waiting, or the workflow no longer declares it.
 */
public class InvalidStepException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A step that cannot take the action.
     *
     * @param runId the run's id
     * @param step the run's current step
     * @param why why the step cannot take the action, completing the message
     */
    public InvalidStepException(String runId, String step, String why) {
        super("invalid_step", "run " + runId + ": step " + step + " " + why,
                Map.of("run_id", runId, "step", String.valueOf(step)));
    }
}
