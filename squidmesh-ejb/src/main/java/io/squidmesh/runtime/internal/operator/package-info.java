/**
 * Internal: what an operator does to runs, each audited in the transaction that does it: approve, reject, resume and
 * unblock ({@code ManualActions}), cancel ({@code Cancellation}), replay ({@code Replays}, guarded by
 * {@code ReplaySafety} in the parent package), migrate to another version ({@code RunMigrations}), act on many runs
 * as restartable Jakarta Batch jobs ({@code BulkJobs}, {@code BulkWriters}) and handle stuck runs and dead letters
 * ({@code OperatorIncidents}).
 */
package io.squidmesh.runtime.internal.operator;
