/**
 * Metrics for the server's monitoring: the engine's committed events ({@link io.squidmesh.SquidMeshEvent}) counted
 * and timed in the server's Micrometer registry (WildFly's {@code micrometer} subsystem, scraped in Prometheus
 * format from the management interface), plus a gauge of open runs by status read from the database.
 *
 * <p>{@link io.squidmesh.metrics.EventMeters} is the pure decision (which meters an event moves);
 * {@link io.squidmesh.metrics.EngineMetrics} applies it to the registry. The package is optional: the EJB jar's
 * {@code beans.xml} leaves it out when Micrometer is not on the class path (Payara, or WildFly without the
 * subsystem), and nothing else in the engine depends on it.
 */
package io.squidmesh.metrics;
