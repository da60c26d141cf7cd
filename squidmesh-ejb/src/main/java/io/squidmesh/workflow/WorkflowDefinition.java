package io.squidmesh.workflow;

/**
 * A workflow, as a CDI bean: annotate the class with a bean-defining annotation (for example
 * {@code @ApplicationScoped}) and return the definition built with {@link Workflows}. The engine finds
 * every such bean in the application when it deploys, validates each definition and fails the
 * deployment if any is invalid, listing every problem.
 */
public interface WorkflowDefinition {

    /**
     * Builds this workflow; called once, when the application deploys.
     *
     * @return the workflow, built with {@link WorkflowBuilder#build()}
     */
    Workflow define();
}
