-- Squid Mesh core schema (SPEC §4b) for H2, the embedded default. JSON columns are stored as text.
-- Statuses are strings so the data stays readable and compatible with the original engine.

CREATE TABLE squid_mesh_runs (
    id                   uuid         PRIMARY KEY,
    workflow             varchar(255) NOT NULL,
    trigger              varchar(255) NOT NULL,
    status               varchar(32)  NOT NULL,
    input                clob         NOT NULL,
    context              clob         DEFAULT '{}' NOT NULL,
    current_step         varchar(255),
    last_error           clob,
    replayed_from_run_id uuid         REFERENCES squid_mesh_runs (id) ON DELETE SET NULL,
    inserted_at          timestamp(6) with time zone NOT NULL,
    updated_at           timestamp(6) with time zone NOT NULL
);

-- Keyset pagination (newest first) with and without filters.
CREATE INDEX squid_mesh_runs_inserted_at_id_idx ON squid_mesh_runs (inserted_at DESC, id DESC);
CREATE INDEX squid_mesh_runs_workflow_idx ON squid_mesh_runs (workflow, inserted_at DESC, id DESC);
CREATE INDEX squid_mesh_runs_status_idx ON squid_mesh_runs (status, inserted_at DESC, id DESC);
CREATE INDEX squid_mesh_runs_replayed_from_run_id_idx ON squid_mesh_runs (replayed_from_run_id);

CREATE TABLE squid_mesh_step_runs (
    id          uuid         PRIMARY KEY,
    run_id      uuid         NOT NULL REFERENCES squid_mesh_runs (id) ON DELETE CASCADE,
    step        varchar(255) NOT NULL,
    status      varchar(32)  NOT NULL,
    input       clob         DEFAULT '{}' NOT NULL,
    output      clob,
    last_error  clob,
    recovery    clob,
    resume      clob,
    manual      clob,
    inserted_at timestamp(6) with time zone NOT NULL,
    updated_at  timestamp(6) with time zone NOT NULL,
    CONSTRAINT squid_mesh_step_runs_run_id_step_key UNIQUE (run_id, step)
);

CREATE INDEX squid_mesh_step_runs_status_idx ON squid_mesh_step_runs (status);

CREATE TABLE squid_mesh_step_attempts (
    id             uuid         PRIMARY KEY,
    step_run_id    uuid         NOT NULL REFERENCES squid_mesh_step_runs (id) ON DELETE CASCADE,
    attempt_number integer      NOT NULL CHECK (attempt_number > 0),
    status         varchar(32)  NOT NULL,
    error          clob,
    -- Identity of the delivery that claimed this attempt. A broker redelivery of the same
    -- message proves the claiming delivery died (DESIGN G3).
    delivery_id    varchar(255),
    inserted_at    timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    CONSTRAINT squid_mesh_step_attempts_step_run_id_attempt_number_key UNIQUE (step_run_id, attempt_number)
);
