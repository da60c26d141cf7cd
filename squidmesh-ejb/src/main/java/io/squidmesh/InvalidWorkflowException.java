package io.squidmesh;

/** No workflow of this name is deployed ({@code invalid_workflow}). */
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
}
