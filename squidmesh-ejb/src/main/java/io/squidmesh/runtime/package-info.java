/**
 * The runtime's entry point for executors: {@link io.squidmesh.runtime.Runner#perform} takes a delivered
 * payload and moves the run forward. Everything else about progression is internal.
 */
package io.squidmesh.runtime;
