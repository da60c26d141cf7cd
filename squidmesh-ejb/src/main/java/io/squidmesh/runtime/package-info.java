/**
 * The runtime's entry point for executors: {@link io.squidmesh.runtime.Runner#perform} takes a delivered
 * payload and moves the run forward, in transactions of its own (a short claim under a lease, the step outside any
 * transaction, the outcome with the work that follows), and says through its exceptions what the executor does
 * with a payload it could not perform ({@link io.squidmesh.runtime.DeliveryDeferredException},
 * {@link io.squidmesh.runtime.InvalidExecutorPayloadException}). Everything else about progression is internal.
 */
package io.squidmesh.runtime;
