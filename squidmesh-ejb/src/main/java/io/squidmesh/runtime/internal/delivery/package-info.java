/**
 * Internal: a step's delivery, from the message to the next step: claim the step under the run's lock with a lease
 * ({@code StepPreparation}, after the run-level checks of {@code DeliveryGate}), run it with no transaction open
 * ({@code StepInvoker}, {@code StepExecution}), apply the outcome in a new transaction ({@code StepOutcomes},
 * {@code StepApplier}: the one path that applies results, each write fenced by {@code ClaimFence}: a claim taken
 * over meanwhile writes nothing), and, when the successor is due at once, continue the run in the same thread within
 * a budget ({@code Continuations}, {@code ContinuationBudget}). Steps settled inside the claim ({@code InlineSteps})
 * and workflow concurrency slots ({@code Slots}, decided by {@code SlotDecision}) belong here because only a
 * delivery takes or frees them.
 */
package io.squidmesh.runtime.internal.delivery;
