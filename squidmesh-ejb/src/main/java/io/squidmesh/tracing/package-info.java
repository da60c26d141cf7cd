/**
 * Traces through the server's OpenTelemetry: a span per step attempt, per compensation and per run start, and the
 * trace context carried with every unit of work the engine queues (the JMS property {@code traceparent}), so that
 * a run's steps, retries, waits and compensations form one trace from the request that started it.
 *
 * <p>{@link io.squidmesh.tracing.Tracing} is what the engine asks for; {@link io.squidmesh.tracing.NoTracing} is
 * the default (nothing is traced, no context travels); {@link io.squidmesh.tracing.OpenTelemetryTracing} replaces
 * it where the server gives the application the OpenTelemetry API (WildFly's {@code opentelemetry} subsystem). The
 * EJB jar's {@code beans.xml} leaves that class out where the API is missing (Payara, or WildFly without the
 * subsystem), so nothing fails there. Whether spans leave the server (the sampler, the collector's address) is
 * the server's configuration, not the engine's.
 */
package io.squidmesh.tracing;
