/**
 * Internal: the read model: runs, their history and audit trail as the public shapes ({@code RunReader},
 * {@code AuditTrail}), keyset listing ({@code RunCursor}), the overview ({@code RunsOverviewReader},
 * {@code OverviewFigures}) and explanations ({@code Explanations} gathers the evidence, {@code RunExplainer}
 * decides, purely). Nothing here writes.
 */
package io.squidmesh.runtime.internal.query;
