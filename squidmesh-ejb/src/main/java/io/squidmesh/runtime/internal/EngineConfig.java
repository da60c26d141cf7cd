package io.squidmesh.runtime.internal;

import io.squidmesh.runtime.internal.delivery.ContinuationBudget;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The engine's settings, from MicroProfile Config (system properties, environment, microprofile-config.properties),
 * checked when the application deploys (a bad value fails the deployment with a message naming the key):
 * <ul>
 *   <li>{@value #LEASE_TTL}: how long a claim on an executing step (its lease) holds without renewal, in ms
 *       (default {@value #DEFAULT_LEASE_TTL_MS}, at least {@value #MIN_LEASE_TTL_MS}). The executing node renews
 *       it every third of that; a step whose node died is taken over once it lapses.</li>
 *   <li>{@value #WATCHDOG_PERIOD}: how often the watchdog looks for runs that should have moved, in ms (default
 *       {@value #DEFAULT_WATCHDOG_PERIOD_MS}).</li>
 *   <li>{@value #WATCHDOG_GRACE}: how long queued work may wait past its due time before the watchdog re-queues
 *       it, in ms (default {@value #DEFAULT_WATCHDOG_GRACE_MS}); the queue's normal latency must stay below it.</li>
 *   <li>{@value #WATCHDOG_ENABLED}: {@code true} (default) or {@code false}.</li>
 *   <li>{@value #CONTINUATION_STEPS}: how many steps of one run a delivery may run one after another in its own
 *       thread when each step's successor is ready at once, before it hands the run back to the queue (default
 *       {@value #DEFAULT_CONTINUATION_STEPS}; 1 sends every step through the queue).</li>
 *   <li>{@value #CONTINUATION_MILLIS}: how long, in ms, a delivery may keep continuing a run so (default
 *       {@value #DEFAULT_CONTINUATION_MILLIS}); whichever bound comes first hands the run off.</li>
 * </ul>
 * The former {@value #STALE_STEP_TIMEOUT} is gone: leases decide when a running step may be taken over. A value
 * left set is ignored with a warning.
 */
@ApplicationScoped
public class EngineConfig {

    public static final String LEASE_TTL = "squidmesh.lease-ttl-ms";
    public static final String WATCHDOG_PERIOD = "squidmesh.watchdog.period-ms";
    public static final String WATCHDOG_GRACE = "squidmesh.watchdog.grace-ms";
    public static final String WATCHDOG_ENABLED = "squidmesh.watchdog.enabled";
    public static final String STALE_STEP_TIMEOUT = "squidmesh.stale-step-timeout";
    public static final String CONTINUATION_STEPS = "squidmesh.continuation.max-steps";
    public static final String CONTINUATION_MILLIS = "squidmesh.continuation.max-ms";
    static final long DEFAULT_CONTINUATION_STEPS = 10;
    static final long DEFAULT_CONTINUATION_MILLIS = 1_000;
    static final long DEFAULT_LEASE_TTL_MS = 30_000;
    static final long MIN_LEASE_TTL_MS = 1_000;
    static final long DEFAULT_WATCHDOG_PERIOD_MS = 10_000;
    static final long DEFAULT_WATCHDOG_GRACE_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(EngineConfig.class.getName());

    private Config config;

    EngineConfig() {
        // the deployment's MicroProfile Config, read on each use so a changed system property applies at once
    }

    EngineConfig(Config config) {
        this.config = config;
    }

    public Duration leaseTtl() {
        return millis(LEASE_TTL, DEFAULT_LEASE_TTL_MS, MIN_LEASE_TTL_MS);
    }

    /** How often the executing node renews its leases: a third of their length, so two renewals may fail. */
    public Duration leaseRenewal() {
        return leaseTtl().dividedBy(3);
    }

    public Duration watchdogPeriod() {
        return millis(WATCHDOG_PERIOD, DEFAULT_WATCHDOG_PERIOD_MS, 100);
    }

    public Duration watchdogGrace() {
        return millis(WATCHDOG_GRACE, DEFAULT_WATCHDOG_GRACE_MS, 0);
    }

    /** How far one delivery may carry a run in its own thread ({@link ContinuationBudget}). */
    public ContinuationBudget continuation() {
        long steps = raw(CONTINUATION_STEPS).map(v -> parseWhole(CONTINUATION_STEPS, v, 1, "steps"))
                .orElse(DEFAULT_CONTINUATION_STEPS);
        return new ContinuationBudget((int) Math.min(Integer.MAX_VALUE, steps),
                millis(CONTINUATION_MILLIS, DEFAULT_CONTINUATION_MILLIS, 0));
    }

    public boolean watchdogEnabled() {
        String value = raw(WATCHDOG_ENABLED).orElse("true").strip();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(WATCHDOG_ENABLED, value, "true or false");
    }

    /** Fails with a message naming the key when a value is invalid. */
    public void validate() {
        leaseTtl();
        watchdogPeriod();
        watchdogGrace();
        watchdogEnabled();
        continuation();
        raw(STALE_STEP_TIMEOUT).ifPresent(value -> LOG.warning(() -> STALE_STEP_TIMEOUT + "=" + value + " is ignored: "
                + "a running step is taken over when its lease lapses (" + LEASE_TTL + ", docs/operations.md)"));
    }

    /** One line for the startup log. */
    public String describe() {
        return "lease " + leaseTtl().toMillis() + " ms (renewed every " + leaseRenewal().toMillis() + " ms), watchdog "
                + (watchdogEnabled() ? "every " + watchdogPeriod().toMillis() + " ms with a grace of "
                + watchdogGrace().toMillis() + " ms" : "disabled") + ", " + continuation().describe();
    }

    private Duration millis(String key, long defaultMillis, long minimum) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return Duration.ofMillis(defaultMillis);
        }
        return Duration.ofMillis(parseMillis(key, value.get(), minimum));
    }

    static long parseMillis(String key, String value, long minimum) {
        return parseWhole(key, value, minimum, "milliseconds");
    }

    private static long parseWhole(String key, String value, long minimum, String unit) {
        try {
            long whole = Long.parseLong(value.strip());
            if (whole >= minimum) {
                return whole;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key and the accepted forms
        }
        throw invalid(key, value, "a whole number of " + unit + ", at least " + minimum);
    }

    private Optional<String> raw(String key) {
        return (config == null ? ConfigProvider.getConfig() : config).getOptionalValue(key, String.class);
    }

    private static IllegalStateException invalid(String key, String value, String expected) {
        return new IllegalStateException("invalid Squid Mesh configuration: " + key + "=" + value + " (expected "
                + expected + ")");
    }
}
