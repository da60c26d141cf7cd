-- The W3C trace context (traceparent) of the span that started the run: work queued for the run outside one of its
-- own deliveries (a signal, an approval, the watchdog) carries it, so that a run's steps, waits and compensations
-- form one trace from the start on. Null where the server traces nothing.
ALTER TABLE squid_mesh_runs ADD COLUMN trace_parent VARCHAR(64);
