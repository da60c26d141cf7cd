-- Run priority (0-9, as JMS priorities; 4 by default): the JMS priority of the run's messages, and its rank among the
-- steps that wait for a slot of a workflow with a concurrency limit.
ALTER TABLE squid_mesh_runs ADD COLUMN priority integer DEFAULT 4 NOT NULL;

-- One row per workflow with a concurrency limit: deliveries of its steps lock it to count the steps executing and
-- to take a slot, so the limit holds across every node.
CREATE TABLE squid_mesh_limits (
    workflow varchar(255) PRIMARY KEY
);

-- Steps waiting for a slot of their workflow: no thread, no message, until a step that ends (or the watchdog) wakes
-- the first of them (woken_at), by priority then age. A woken step keeps its row (and its slot) until it claims it.
CREATE TABLE squid_mesh_slot_waits (
    run_id        uuid         NOT NULL REFERENCES squid_mesh_runs (id) ON DELETE CASCADE,
    step          varchar(255) NOT NULL,
    workflow      varchar(255) NOT NULL,
    priority      integer      NOT NULL,
    waiting_since timestamp(6) with time zone NOT NULL,
    woken_at      timestamp(6) with time zone,
    PRIMARY KEY (run_id, step)
);
CREATE INDEX squid_mesh_slot_waits_workflow_idx ON squid_mesh_slot_waits (workflow);
