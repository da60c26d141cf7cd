/**
 * Internal: workflow definitions: found as CDI beans at deployment ({@code WorkflowDiscovery}), held by name and
 * version ({@code WorkflowRegistry}, {@code VersionOrder}), recorded in the database and compared with what earlier
 * deployments recorded ({@code DeployedDefinitions}, {@code DefinitionCheck}, {@code DefinitionVerdict}); and the
 * engine's start-up ({@code EngineStartup}).
 */
package io.squidmesh.runtime.internal.definition;
