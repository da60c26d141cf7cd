package io.squidmesh.workflow;

import java.util.List;

/**
 * A workflow definition breaks one or more rules; {@link #problems()} lists all of them, each naming
 * the trigger, field, step or transition at fault. Thrown by {@link WorkflowBuilder#build()}, and
 * reported by the engine as a deployment failure.
 */
public class WorkflowValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The workflow's name. */
    private final String workflow;
    /** Every problem found. */
    private final List<String> problems;

    /**
     * A failed validation.
     *
     * @param workflow the workflow's name
     * @param problems every problem found, each naming what is at fault
     */
    public WorkflowValidationException(String workflow, List<String> problems) {
        super(render(workflow, problems));
        this.workflow = workflow;
        this.problems = List.copyOf(problems);
    }

    /**
     * The workflow whose definition is invalid.
     *
     * @return the workflow's name
     */
    public String workflow() {
        return workflow;
    }

    /**
     * Every problem found.
     *
     * @return the problems, one sentence each
     */
    public List<String> problems() {
        return problems;
    }

    private static String render(String workflow, List<String> problems) {
        StringBuilder text = new StringBuilder("workflow ").append(workflow).append(" validation failed:");
        problems.forEach(p -> text.append("\n  * ").append(p));
        return text.toString();
    }
}
