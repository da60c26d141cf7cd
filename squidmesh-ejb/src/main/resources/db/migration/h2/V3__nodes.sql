-- One row per running engine instance (a deployment on a server), refreshed by its heartbeat. Work that only a
-- node can finish (a Jakarta Batch job runs inside the JVM that started it) is started again elsewhere once the
-- node that held it is gone.
CREATE TABLE squid_mesh_nodes (
    id         uuid         NOT NULL,
    name       varchar(255) NOT NULL,
    started_at timestamp(6) with time zone NOT NULL,
    seen_at    timestamp(6) with time zone NOT NULL,
    CONSTRAINT squid_mesh_nodes_pkey PRIMARY KEY (id)
);
CREATE INDEX squid_mesh_nodes_seen_at ON squid_mesh_nodes (seen_at);
