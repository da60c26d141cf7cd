/**
 * Internal: the run's lifecycle that every feature shares — the facade ({@code DefaultSquidMesh}), starting runs
 * ({@code RunStarter}, {@code RunKeys}), the run state machine ({@code RunStateMachine}, {@code RunTransitions},
 * {@code RunState}, which merges a step's output into the run's state), dispatch through the executor
 * ({@code Dispatcher}), configuration ({@code EngineConfig}), telemetry and database time ({@code Clocks}), and the
 * pure readings of recovery policies that operators and explanations share ({@code RecoveryPolicies},
 * {@code ReplaySafety}). Each feature has a package of its own:
 * <ul>
 *   <li>{@code delivery}: claim, execute, apply, continue — one delivered step;</li>
 *   <li>{@code waiting}: steps that wait outside the engine (approvals, events, child runs, batch jobs);</li>
 *   <li>{@code recovery}: leases, node liveness, the watchdog, deadlines;</li>
 *   <li>{@code compensation}: undoing completed steps after a failure;</li>
 *   <li>{@code operator}: what operators do to runs, audited;</li>
 *   <li>{@code query}: the read model and explanations (nothing there writes);</li>
 *   <li>{@code definition}: deployed workflow definitions and start-up;</li>
 *   <li>{@code cron}: delivered cron activations.</li>
 * </ul>
 * One class per responsibility; every state change happens under the run row lock, and every write checks that
 * its claim is still current.
 * <p>
 * Why the transactions are shaped as they are (docs/operations.md, "Guarantees", has the user's view): a delivery
 * claims its step in a short transaction ({@code StepPreparation}) that writes a lease for this node
 * ({@code Leases}, renewed by {@code NodeRegistry}), runs the step with no transaction open ({@code StepInvoker}),
 * and applies the outcome in a new one ({@code StepOutcomes}, {@code StepApplier}). So a step may outlast any
 * transaction timeout without a redelivery running it again; whether a claim still holds is decided from the lease
 * alone ({@code ClaimLiveness}), never from a redelivered message. Every run with work queued has a due time; the
 * {@code Watchdog} re-queues runs whose work is overdue or whose lease lapsed ({@code WatchdogDecision}), so a lost
 * message or a dead node strands nothing. Times that nodes compare are database time ({@code Clocks}).
 * <p>
 * Decisions work on typed values; string-keyed maps are the JSON columns and the public shapes SPEC fixes. A
 * delivered payload is decoded once ({@code io.squidmesh.runtime.Work}); an attempt ends as an
 * {@code ExecutionOutcome}, a failure carries a {@code StepError} (whether the retry policy applies, an overriding
 * delay); what a waiting step waits on is a {@code StepResume} (approval, pause, batch job, event, child run) and a
 * compensation's progress a {@code StepCompensation}, each the one reader and writer of its stored JSON. Pure
 * decisions ({@code RunStateMachine}, {@code WatchdogDecision}, {@code SlotDecision}, {@code ClaimLiveness},
 * {@code RunExplainer}, {@code StepExecution.outcomeOf}) are unit-tested row by row.
 */
package io.squidmesh.runtime.internal;
