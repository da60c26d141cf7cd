/**
 * Authoring: how a workflow is written ({@link io.squidmesh.workflow.Workflows} builder, triggers,
 * payload fields, steps, transitions or dependencies, retries) and the step contract
 * ({@link io.squidmesh.workflow.Step}, {@link io.squidmesh.workflow.StepResult}). Pure Java: no
 * persistence, no runtime, so definitions are validated and unit-tested without a server.
 */
package io.squidmesh.workflow;
