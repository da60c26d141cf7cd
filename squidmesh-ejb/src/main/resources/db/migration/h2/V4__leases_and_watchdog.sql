-- Leases, wake-up times and the watchdog (DESIGN G2/G3, docs/operations.md "Guarantees"); see the PostgreSQL
-- migration of the same version for what each column means. H2 has no partial indexes.
ALTER TABLE squid_mesh_step_attempts ADD COLUMN lease_node uuid;
ALTER TABLE squid_mesh_step_attempts ADD COLUMN lease_until timestamp(6) with time zone;
CREATE INDEX squid_mesh_step_attempts_lease_until_idx ON squid_mesh_step_attempts (lease_until);

ALTER TABLE squid_mesh_runs ADD COLUMN wake_at timestamp(6) with time zone;
ALTER TABLE squid_mesh_runs ADD COLUMN nudges integer DEFAULT 0 NOT NULL;
ALTER TABLE squid_mesh_runs ADD COLUMN nudge_after timestamp(6) with time zone;
ALTER TABLE squid_mesh_runs ADD COLUMN compensation_node uuid;
ALTER TABLE squid_mesh_runs ADD COLUMN compensation_until timestamp(6) with time zone;
ALTER TABLE squid_mesh_runs ADD COLUMN version bigint DEFAULT 0 NOT NULL;
CREATE INDEX squid_mesh_runs_wake_at_idx ON squid_mesh_runs (wake_at);
CREATE INDEX squid_mesh_runs_compensation_until_idx ON squid_mesh_runs (compensation_until);

UPDATE squid_mesh_runs SET wake_at = CURRENT_TIMESTAMP
 WHERE status IN ('pending', 'running', 'retrying', 'cancelling');

ALTER TABLE squid_mesh_nodes ADD COLUMN tx_node varchar(255);

CREATE TABLE squid_mesh_locks (
    name   varchar(64) NOT NULL,
    holder uuid,
    held_until timestamp(6) with time zone,
    CONSTRAINT squid_mesh_locks_pkey PRIMARY KEY (name)
);
INSERT INTO squid_mesh_locks (name) VALUES ('watchdog');
