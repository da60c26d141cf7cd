/**
 * Internal: steps that wait on something outside the engine, one class per kind: approvals and pauses
 * ({@code ManualSteps}, {@code PauseProgress}), external events ({@code EventWaits}, signalled by
 * {@code RunSignals}), child runs ({@code ChildRuns}) and Jakarta Batch jobs ({@code BatchSteps} looks at the job,
 * {@code BatchProgress} applies what it saw). What a waiting step waits on is a {@code StepResume}, the one reader
 * and writer of the step row's {@code resume} JSON.
 */
package io.squidmesh.runtime.internal.waiting;
