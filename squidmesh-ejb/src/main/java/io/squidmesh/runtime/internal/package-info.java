/**
 * Internal: run progression (start, preparation, step execution, apply), dispatch through the executor,
 * the run state machine, workflow discovery, configuration, telemetry and the read model. One class per
 * responsibility; every state change happens under the run row lock.
 */
package io.squidmesh.runtime.internal;
