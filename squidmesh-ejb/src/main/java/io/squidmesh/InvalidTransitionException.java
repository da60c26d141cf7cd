package io.squidmesh;

import java.util.Map;

/** The run cannot move from its status to the requested one ({@code invalid_transition}). */
public class InvalidTransitionException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A refused status change.
     *
     * @param runId the run's id
     * @param from the run's status
     * @param to the requested status
     */
    public InvalidTransitionException(String runId, String from, String to) {
        super("invalid_transition", "run " + runId + " cannot go from " + from + " to " + to,
                Map.of("run_id", runId, "from", from, "to", to));
    }
}
