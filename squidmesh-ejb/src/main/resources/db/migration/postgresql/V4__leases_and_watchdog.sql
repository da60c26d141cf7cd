-- Leases, wake-up times and the watchdog (DESIGN G2/G3, docs/operations.md "Guarantees").
--
-- An executing attempt holds a lease: the engine instance running it (lease_node) and until when (lease_until,
-- database time). The node renews the leases of what it executes while it executes it; a delivery that finds a
-- step running under a live lease never runs it again, and an expired lease is taken over.
ALTER TABLE squid_mesh_step_attempts ADD COLUMN lease_node uuid;
ALTER TABLE squid_mesh_step_attempts ADD COLUMN lease_until timestamp(6) with time zone;
CREATE INDEX squid_mesh_step_attempts_lease_until_idx ON squid_mesh_step_attempts (lease_until)
    WHERE lease_until IS NOT NULL;

-- wake_at: by when the run must have moved, given the work the engine queued for it (the latest due time plus the
-- delivery grace); null when nothing is queued (terminal, paused, or only executing under a lease). The watchdog
-- looks at runs whose wake_at passed, re-queues what is missing, and backs off with nudges/nudge_after.
-- compensation_node/compensation_until: the lease of the delivery running the run's saga compensation.
-- version: every write of a run row is fenced against a stale copy (optimistic check under the row lock).
ALTER TABLE squid_mesh_runs ADD COLUMN wake_at timestamp(6) with time zone;
ALTER TABLE squid_mesh_runs ADD COLUMN nudges integer NOT NULL DEFAULT 0;
ALTER TABLE squid_mesh_runs ADD COLUMN nudge_after timestamp(6) with time zone;
ALTER TABLE squid_mesh_runs ADD COLUMN compensation_node uuid;
ALTER TABLE squid_mesh_runs ADD COLUMN compensation_until timestamp(6) with time zone;
ALTER TABLE squid_mesh_runs ADD COLUMN version bigint NOT NULL DEFAULT 0;
CREATE INDEX squid_mesh_runs_wake_at_idx ON squid_mesh_runs (wake_at) WHERE wake_at IS NOT NULL;
CREATE INDEX squid_mesh_runs_compensation_until_idx ON squid_mesh_runs (compensation_until)
    WHERE compensation_until IS NOT NULL;

-- Runs in flight when this migration runs: let the watchdog look at each once.
UPDATE squid_mesh_runs SET wake_at = CURRENT_TIMESTAMP
 WHERE status IN ('pending', 'running', 'retrying', 'cancelling');

-- The transaction manager's node identifier of each engine instance: two live nodes with one identifier would
-- recover (roll back) each other's in-doubt XA branches, so a node refuses to start beside a twin.
ALTER TABLE squid_mesh_nodes ADD COLUMN tx_node varchar(255);

-- Cluster-wide roles held by one node at a time (the watchdog), as a lease on a row.
CREATE TABLE squid_mesh_locks (
    name   varchar(64) NOT NULL,
    holder uuid,
    held_until timestamp(6) with time zone,
    CONSTRAINT squid_mesh_locks_pkey PRIMARY KEY (name)
);
INSERT INTO squid_mesh_locks (name) VALUES ('watchdog');
