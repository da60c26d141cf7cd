-- Step timeouts: an attempt of a step that declares timeout(...) must end by deadline_at. Its lease is never
-- renewed past it, so the watchdog finds an attempt that overran; the next delivery fails it with step_timeout.
ALTER TABLE squid_mesh_step_attempts ADD COLUMN deadline_at timestamp(6) with time zone;
