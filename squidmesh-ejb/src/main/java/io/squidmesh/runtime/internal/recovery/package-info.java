/**
 * Internal: what keeps runs moving when nodes, messages or deadlines fail: leases on claimed steps ({@code Leases},
 * judged by {@code ClaimLiveness} alone), node liveness ({@code NodeRegistry}, {@code NodeHeartbeat}), the
 * {@code Watchdog} that re-queues overdue or orphaned work ({@code WatchdogDecision}, {@code WatchdogWork}) and run
 * deadlines ({@code RunDeadlines}). Times compared across nodes are database time.
 */
package io.squidmesh.runtime.internal.recovery;
