-- Run deadlines: a run of a workflow that declares deadline(...) must end by deadline_at, set when it starts. The
-- watchdog looks for open runs past it and fails them (run_deadline_exceeded), compensating what they did.
ALTER TABLE squid_mesh_runs ADD COLUMN deadline_at timestamp(6) with time zone;
CREATE INDEX squid_mesh_runs_deadline_at_idx ON squid_mesh_runs (deadline_at);
