-- Indexes for the run list and for retention purges; see the PostgreSQL migration of the same version for why.
CREATE INDEX squid_mesh_runs_workflow_status_idx ON squid_mesh_runs (workflow, status, inserted_at DESC, id DESC);
CREATE INDEX squid_mesh_cron_activations_run_id_idx ON squid_mesh_cron_activations (run_id);
