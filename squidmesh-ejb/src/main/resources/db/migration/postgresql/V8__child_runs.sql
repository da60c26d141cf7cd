-- Child runs: a run started by a child_run step of another run names its parent and the step that started it.
-- Purging the parent keeps the child (the link becomes null), as for replays.
ALTER TABLE squid_mesh_runs ADD COLUMN parent_run_id uuid REFERENCES squid_mesh_runs (id) ON DELETE SET NULL;
ALTER TABLE squid_mesh_runs ADD COLUMN parent_step varchar(255);
CREATE INDEX squid_mesh_runs_parent_run_id_idx ON squid_mesh_runs (parent_run_id);
