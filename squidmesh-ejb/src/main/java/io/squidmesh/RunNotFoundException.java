package io.squidmesh;

/** No run has this id ({@code not_found}). */
public class RunNotFoundException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * An unknown run.
     *
     * @param runId the id asked for
     */
    public RunNotFoundException(String runId) {
        super("not_found", "run " + runId + " not found", java.util.Map.of("run_id", runId));
    }
}
