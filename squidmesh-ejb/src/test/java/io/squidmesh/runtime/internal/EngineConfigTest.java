package io.squidmesh.runtime.internal;

import io.squidmesh.runtime.internal.delivery.ContinuationBudget;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineConfigTest {

    @Test
    void defaultsAreAThirtySecondLeaseRenewedEveryTenSecondsAndAWatchdogEveryTenSecondsWithAMinuteOfGrace() {
        EngineConfig config = new EngineConfig(new MapConfig(Map.of()));
        assertEquals(Duration.ofSeconds(30), config.leaseTtl());
        assertEquals(Duration.ofSeconds(10), config.leaseRenewal());
        assertEquals(Duration.ofSeconds(10), config.watchdogPeriod());
        assertEquals(Duration.ofSeconds(60), config.watchdogGrace());
        assertTrue(config.watchdogEnabled());
        config.validate();
    }

    @Test
    void valuesAreReadInMilliseconds() {
        EngineConfig config = new EngineConfig(new MapConfig(Map.of(EngineConfig.LEASE_TTL, "6000",
                EngineConfig.WATCHDOG_PERIOD, "500", EngineConfig.WATCHDOG_GRACE, "0",
                EngineConfig.WATCHDOG_ENABLED, "false")));
        assertEquals(Duration.ofSeconds(6), config.leaseTtl());
        assertEquals(Duration.ofSeconds(2), config.leaseRenewal());
        assertEquals(Duration.ofMillis(500), config.watchdogPeriod());
        assertEquals(Duration.ZERO, config.watchdogGrace());
        assertFalse(config.watchdogEnabled());
    }

    @Test
    void anInvalidValueFailsNamingTheKeyAndWhatIsExpected() {
        for (Map.Entry<String, String> bad : List.of(Map.entry(EngineConfig.LEASE_TTL, "-5"),
                Map.entry(EngineConfig.LEASE_TTL, "999"), Map.entry(EngineConfig.WATCHDOG_PERIOD, "soon"),
                Map.entry(EngineConfig.WATCHDOG_ENABLED, "yes"))) {
            EngineConfig config = new EngineConfig(new MapConfig(Map.of(bad.getKey(), bad.getValue())));
            IllegalStateException e = assertThrows(IllegalStateException.class, config::validate);
            assertTrue(e.getMessage().startsWith("invalid Squid Mesh configuration: " + bad.getKey() + "="
                    + bad.getValue() + " (expected "), e.getMessage());
        }
    }

    @Test
    void aDeliveryContinuesARunForUpToTenStepsOrOneSecondUnlessConfiguredOtherwise() {
        assertEquals(new ContinuationBudget(10, Duration.ofSeconds(1)),
                new EngineConfig(new MapConfig(Map.of())).continuation());
        assertEquals(new ContinuationBudget(1, Duration.ofMillis(250)), new EngineConfig(new MapConfig(Map.of(
                EngineConfig.CONTINUATION_STEPS, "1", EngineConfig.CONTINUATION_MILLIS, "250"))).continuation());
        IllegalStateException none = assertThrows(IllegalStateException.class, new EngineConfig(new MapConfig(Map.of(
                EngineConfig.CONTINUATION_STEPS, "0")))::validate);
        assertEquals("invalid Squid Mesh configuration: squidmesh.continuation.max-steps=0 (expected a whole number of"
                + " steps, at least 1)", none.getMessage());
    }

    @Test
    void theFormerStaleStepTimeoutIsIgnoredNotFatal() {
        new EngineConfig(new MapConfig(Map.of(EngineConfig.STALE_STEP_TIMEOUT, "60000"))).validate();
    }

    /** A Config over a map, enough for {@code getOptionalValue(key, String.class)}. */
    private record MapConfig(Map<String, String> values) implements Config {
        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable((T) values.get(name));
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
