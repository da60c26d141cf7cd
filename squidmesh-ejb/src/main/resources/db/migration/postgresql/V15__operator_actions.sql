-- Operator actions that are not a run's state change, kept for the audit trail: a dead letter sent back to its
-- queue (dead_letter_redriven). run_id is the run the action was for, when it was for one; the row stays when the
-- run is purged, as evidence of the action.
CREATE TABLE squid_mesh_operator_actions (
    id       uuid         PRIMARY KEY,
    run_id   uuid,
    action   varchar(64)  NOT NULL,
    actor    varchar(255),
    details  jsonb        NOT NULL DEFAULT '{}'::jsonb,
    acted_at timestamp(6) with time zone NOT NULL
);
CREATE INDEX squid_mesh_operator_actions_run_idx ON squid_mesh_operator_actions (run_id, acted_at);
