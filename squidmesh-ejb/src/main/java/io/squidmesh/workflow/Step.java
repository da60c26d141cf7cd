package io.squidmesh.workflow;

import java.util.Map;

/**
 * A custom step: a CDI bean (so it can inject an {@code EntityManager}, other EJBs or a REST client)
 * referenced from a workflow by its class.
 * <p>
 * {@code input} is the run payload merged with the outputs of earlier steps (restricted to the step's
 * declared {@code input} keys, if any). The result decides what happens next:
 * {@link StepResult#ok(Map)} continues, {@link StepResult#retry(Object)} tries again under the step's
 * retry policy, {@link StepResult#error(Object)} fails the step at once. A thrown exception is a
 * terminal failure recorded with its class and message.
 * <p>
 * Steps may run more than once (redelivery after a crash, retries), so their side effects must be
 * idempotent, unless the step is declared {@code transactional()} and only writes to XA resources.
 */
@FunctionalInterface
public interface Step {

    /**
     * Runs one attempt of the step.
     *
     * @param input the run state this step sees (restricted to its declared {@code input} keys, if any)
     * @param context the run, step and attempt this call belongs to
     * @return what happens next: ok, retry or error
     * @throws Exception any failure; it fails the step terminally, recorded with its class and message
     */
    StepResult run(Map<String, Object> input, StepContext context) throws Exception;

    /**
     * A sentence for inspection and the dashboard.
     *
     * @return the description, or {@code null} (the default) for none
     */
    default String description() {
        return null;
    }

    /**
     * Checked before {@link #run}; a violation fails the step without retry.
     *
     * @return the input schema; {@link Schema#NONE} by default
     */
    default Schema inputSchema() {
        return Schema.NONE;
    }

    /**
     * Checked on a successful result, before the workflow's {@code output} namespacing.
     *
     * @return the output schema; {@link Schema#NONE} by default
     */
    default Schema outputSchema() {
        return Schema.NONE;
    }
}
