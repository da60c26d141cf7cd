/**
 * Internal: JPA entities and stores for runs, step runs and attempts (SPEC §4b), and the Flyway
 * migrator. Host applications never touch this package; they use {@link io.squidmesh.SquidMesh}.
 */
package io.squidmesh.persistence;
