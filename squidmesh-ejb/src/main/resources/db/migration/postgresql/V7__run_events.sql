-- External events sent to runs (SquidMesh.signalRun): the run's mailbox. An await_event step takes the oldest event
-- of its name that nobody took yet (consumed_at null) and records that it did, in the transaction that completes the
-- step, so each event is taken once. A sender's idempotency key is unique per run: a repeat finds the first event.
-- Senders lock the run row first, so the key's uniqueness never races; the constraint stays as a guard.
CREATE TABLE squid_mesh_run_events (
    id              uuid         PRIMARY KEY,
    run_id          uuid         NOT NULL REFERENCES squid_mesh_runs (id) ON DELETE CASCADE,
    event           varchar(255) NOT NULL,
    payload         jsonb        NOT NULL,
    idempotency_key varchar(255),
    received_at     timestamp(6) with time zone NOT NULL,
    consumed_by     varchar(255),
    consumed_at     timestamp(6) with time zone,
    CONSTRAINT squid_mesh_run_events_idempotency_key UNIQUE (run_id, idempotency_key)
);
CREATE INDEX squid_mesh_run_events_mailbox_idx ON squid_mesh_run_events (run_id, event, received_at);
