package io.squidmesh;

/** Which runs a bulk operation touches: those of a workflow and/or in a status (null means any). */
public record RunFilter(String workflow, RunStatus status) {

    public static RunFilter all() {
        return new RunFilter(null, null);
    }

    public static RunFilter workflow(String workflow) {
        return new RunFilter(workflow, null);
    }

    public RunFilter status(RunStatus status) {
        return new RunFilter(workflow, status);
    }
}
