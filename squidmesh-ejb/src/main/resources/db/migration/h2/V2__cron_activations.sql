-- One row per cron activation that started a run (DESIGN G6). The primary key makes a second activation of
-- the same workflow, trigger and window (a duplicate message, a second node's timer) a no-op.
CREATE TABLE squid_mesh_cron_activations (
    workflow    varchar(255) NOT NULL,
    trigger     varchar(255) NOT NULL,
    signal_id   varchar(255) NOT NULL,
    run_id      uuid         REFERENCES squid_mesh_runs (id) ON DELETE SET NULL,
    inserted_at timestamp(6) with time zone NOT NULL,
    CONSTRAINT squid_mesh_cron_activations_pkey PRIMARY KEY (workflow, trigger, signal_id)
);
