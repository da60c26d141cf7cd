-- Indexes for the run list and for retention purges (issue 22).
--
-- The run list pages newest first with the row-value predicate (inserted_at, id) < (:at, :id). Filtered by workflow
-- it uses squid_mesh_runs_workflow_idx (workflow, inserted_at DESC, id DESC) of V1; filtered by workflow and status
-- (the dashboard's two filters together) it needs both equality columns in front of the sort key.
CREATE INDEX squid_mesh_runs_workflow_status_idx ON squid_mesh_runs (workflow, status, inserted_at DESC, id DESC);

-- squid_mesh_cron_activations.run_id references a run with ON DELETE SET NULL: without an index every purged run
-- scans the whole activation table to find the rows it must update.
CREATE INDEX squid_mesh_cron_activations_run_id_idx ON squid_mesh_cron_activations (run_id);
