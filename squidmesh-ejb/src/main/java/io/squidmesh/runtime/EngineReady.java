package io.squidmesh.runtime;

/**
 * The CDI event the engine fires once at deployment, after it has checked its configuration and recorded the
 * deployed workflow definitions. Whatever must start after the engine (the JMS executor's cron timers) observes it
 * rather than naming the engine's start-up bean in {@code @DependsOn}, which would tie it to the file name of the
 * module the engine is packaged in (a host EAR may name that jar as it likes).
 */
public record EngineReady() {
}
