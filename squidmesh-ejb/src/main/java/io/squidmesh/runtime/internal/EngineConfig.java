package io.squidmesh.runtime.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.Optional;

/**
 * The engine's settings, from MicroProfile Config (system properties, environment, microprofile-config.properties):
 * <ul>
 *   <li>{@value #STALE_STEP_TIMEOUT}: {@code disabled} (default) or milliseconds after which a delivery that finds
 *       its step still running takes it over (SPEC §6.13); it must exceed the longest step.</li>
 * </ul>
 * Read on each use so operators can change it without a redeploy; checked when the application deploys.
 */
@ApplicationScoped
public class EngineConfig {

    public static final String STALE_STEP_TIMEOUT = "squidmesh.stale-step-timeout";

    public Optional<Duration> staleStepTimeout() {
        String value = ConfigProvider.getConfig().getOptionalValue(STALE_STEP_TIMEOUT, String.class).orElse("disabled");
        return parseStaleStepTimeout(value);
    }

    /** Fails with a message naming the key when a value is invalid. */
    public void validate() {
        staleStepTimeout();
    }

    static Optional<Duration> parseStaleStepTimeout(String value) {
        String trimmed = value.strip();
        if (trimmed.equalsIgnoreCase("disabled")) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(trimmed);
            if (millis >= 0) {
                return Optional.of(Duration.ofMillis(millis));
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key and the accepted forms
        }
        throw new IllegalStateException("invalid Squid Mesh configuration: " + STALE_STEP_TIMEOUT + "=" + value
                + " (expected 'disabled' or a non-negative number of milliseconds)");
    }
}
