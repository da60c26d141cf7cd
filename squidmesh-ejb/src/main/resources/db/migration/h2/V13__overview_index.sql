-- The operator overview (GET /api/overview) counts the runs that ended per minute of a recent window and reads the
-- attempts of the runs that moved in it: both start from the runs updated since the window began.
CREATE INDEX squid_mesh_runs_updated_at_idx ON squid_mesh_runs (updated_at);
