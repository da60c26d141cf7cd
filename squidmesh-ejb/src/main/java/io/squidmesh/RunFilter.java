package io.squidmesh;

/** Which runs a bulk operation touches: those of a workflow and/or in a status (null means any). */
public record RunFilter(String workflow, RunStatus status) {

    /**
     * Every run.
     *
     * @return a filter of any workflow and status
     */
    public static RunFilter all() {
        return new RunFilter(null, null);
    }

    /**
     * The runs of one workflow, in any status.
     *
     * @param workflow the workflow's name
     * @return a new filter
     */
    public static RunFilter workflow(String workflow) {
        return new RunFilter(workflow, null);
    }

    /**
     * This filter restricted to one status.
     *
     * @param status the status, or {@code null} for any
     * @return a new filter
     */
    public RunFilter status(RunStatus status) {
        return new RunFilter(workflow, status);
    }
}
