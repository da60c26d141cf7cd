-- Idempotent starts: a caller-chosen key, unique per workflow. squid_mesh_run_keys is the claim (its primary key
-- makes a second start with the key find the first, however concurrent), with the digest of the request that
-- made it (trigger and payload as sent) so a repeat with another payload is told apart. A purged run frees its key.
-- The key is kept on the run as well, for its JSON and the key filter of the runs list.
ALTER TABLE squid_mesh_runs ADD COLUMN run_key varchar(255);
CREATE INDEX squid_mesh_runs_run_key_idx ON squid_mesh_runs (run_key);

CREATE TABLE squid_mesh_run_keys (
    workflow       varchar(255) NOT NULL,
    run_key        varchar(255) NOT NULL,
    request_digest varchar(64)  NOT NULL,
    run_id         uuid         REFERENCES squid_mesh_runs (id) ON DELETE CASCADE,
    inserted_at    timestamp(6) with time zone NOT NULL,
    CONSTRAINT squid_mesh_run_keys_pkey PRIMARY KEY (workflow, run_key)
);
CREATE INDEX squid_mesh_run_keys_run_id_idx ON squid_mesh_run_keys (run_id);
