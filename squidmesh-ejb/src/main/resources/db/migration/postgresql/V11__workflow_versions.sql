-- Workflow versions: each run is pinned to the version of its workflow it started with and to that definition's
-- fingerprint (a hash of its graph: steps, kinds, dependencies, transitions). A delivery for a run whose version is
-- no longer deployed, or whose deployed graph has another fingerprint, pauses the run with a hold in
-- definition_changes saying why; an operator migrates it (SquidMesh.migrateRun, recorded in the same column's
-- migrations for the audit trail) or cancels it. Runs from before versions are version 1 and adopt the deployed
-- fingerprint at their next step.
ALTER TABLE squid_mesh_runs ADD COLUMN workflow_version varchar(64);
ALTER TABLE squid_mesh_runs ADD COLUMN definition_fingerprint varchar(16);
ALTER TABLE squid_mesh_runs ADD COLUMN definition_changes jsonb;
UPDATE squid_mesh_runs SET workflow_version = '1';
CREATE INDEX squid_mesh_runs_workflow_version_idx ON squid_mesh_runs (workflow, workflow_version, status);

-- Every graph a node deployed, recorded when it starts, so that a run pinned to a fingerprint that is no longer
-- deployed can be told what changed (the lines removed and added), not only that something did.
CREATE TABLE squid_mesh_definitions (
    workflow    varchar(255) NOT NULL,
    version     varchar(64)  NOT NULL,
    fingerprint varchar(16)  NOT NULL,
    graph       text         NOT NULL,
    recorded_at timestamp(6) with time zone NOT NULL,
    PRIMARY KEY (workflow, version, fingerprint)
);
