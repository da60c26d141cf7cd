package io.squidmesh;

/** No workflow of this name, or not of this version, is deployed ({@code invalid_workflow}). */
public class InvalidWorkflowException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * An unknown workflow.
     *
     * @param workflow the name asked for
     */
    public InvalidWorkflowException(String workflow) {
        super("invalid_workflow", "no workflow named " + workflow + " is deployed",
                java.util.Map.of("workflow", String.valueOf(workflow)));
    }

    /**
     * A version of a workflow that is not deployed.
     *
     * @param workflow the workflow's name
     * @param version the version asked for
     * @param deployed the versions deployed, newest first
     */
    public InvalidWorkflowException(String workflow, String version, java.util.List<String> deployed) {
        super("invalid_workflow", "workflow " + workflow + " has no deployed version " + version + " (deployed: "
                + String.join(", ", deployed) + ")", java.util.Map.of("workflow", String.valueOf(workflow),
                "version", String.valueOf(version), "deployed_versions", java.util.List.copyOf(deployed)));
    }
}
