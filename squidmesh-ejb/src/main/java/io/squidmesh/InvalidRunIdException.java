package io.squidmesh;

/** The run id is not a UUID ({@code invalid_run_id}). */
public class InvalidRunIdException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A malformed run id.
     *
     * @param runId the id as given, possibly {@code null}
     */
    public InvalidRunIdException(String runId) {
        super("invalid_run_id", "run id " + (runId == null ? "null" : "'" + runId + "'") + " is not a UUID",
                java.util.Map.of("run_id", String.valueOf(runId)));
    }
}
