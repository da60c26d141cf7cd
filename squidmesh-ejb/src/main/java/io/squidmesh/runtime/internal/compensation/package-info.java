/**
 * Internal: compensation after a failure (SPEC §4.5): which completed steps to undo and in what order
 * ({@code Compensations}), the per-step record of its progress ({@code StepCompensation}), the transactions that
 * claim and record each undo ({@code CompensationRecords}) and the loop that runs them outside a transaction
 * ({@code CompensationRunner}).
 */
package io.squidmesh.runtime.internal.compensation;
