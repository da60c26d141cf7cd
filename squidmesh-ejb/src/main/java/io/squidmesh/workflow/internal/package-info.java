/**
 * Internal: the raw declarations a builder records, the validator that turns them into the
 * definition-time messages of SPEC §4.9, payload and schema checks, cron parsing and graph phases.
 */
package io.squidmesh.workflow.internal;
