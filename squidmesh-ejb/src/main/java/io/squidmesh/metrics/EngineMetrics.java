package io.squidmesh.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the server's Micrometer meters for each committed engine event ({@link EventMeters} decides which), and
 * registers the open-runs gauge. Events arrive only after their transaction committed (Telemetry fires them from
 * the commit's synchronization), so rolled-back work is never counted. Without a registry (the server gives the
 * application none) it does nothing.
 */
@ApplicationScoped
public class EngineMetrics {

    private static final Logger LOG = Logger.getLogger(EngineMetrics.class.getName());

    @Inject
    Instance<MeterRegistry> registries;

    @Inject
    OpenRunsGauge openRuns;

    private volatile MeterRegistry registry;

    /*
     * The meters this bean moved before, by name and tags. The registry's counter(...) and timer(...) look the meter
     * up on every call (a search over all meters in WildFly's registry: 2 % of the server's samples under load, and
     * on every step's commit); the meter they return is the registered one, so keeping it changes nothing exported.
     */
    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();

    private record MeterKey(String name, Map<String, String> tags) {
        Tags micrometerTags() {
            return Tags.of(tags.entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue())).toList());
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        MeterRegistry found = registry();
        if (found == null) {
            LOG.info("no Micrometer registry from the server: Squid Mesh metrics are off");
            return;
        }
        // a gauge reads through the bean that registered it: one left by an earlier deployment of the application
        // (WildFly keeps meters by name and tags) would read through a bean that is gone, and a second registration
        // would return it instead of a new one
        removeGauges(found);
        for (RunStatus status : OpenRuns.STATUSES) {
            found.gauge(EventMeters.RUNS_OPEN, Tags.of("status", status.value()), openRuns, gauge -> gauge.read(status));
        }
        LOG.info("Squid Mesh metrics registered (squidmesh.*)");
    }

    @PreDestroy
    void stop() {
        MeterRegistry known = registry;
        if (known != null) {
            removeGauges(known);
        }
    }

    private static void removeGauges(MeterRegistry target) {
        target.find(EventMeters.RUNS_OPEN).gauges().forEach(target::remove);
    }

    void record(@Observes SquidMeshEvent event) {
        MeterRegistry target = registry();
        if (target == null) {
            return;
        }
        try {
            for (EventMeters.Reading reading : EventMeters.of(event)) {
                MeterKey key = new MeterKey(reading.name(), reading.tags());
                // the registry's own counter/timer methods, not the meter builders: WildFly's per-deployment
                // registry exports only what goes through them (a builder registers in a local registry nobody
                // scrapes), and it ignores histogram settings, so timers export count, sum and max
                if (reading instanceof EventMeters.Count) {
                    counters.computeIfAbsent(key, k -> target.counter(k.name(), k.micrometerTags())).increment();
                } else if (reading instanceof EventMeters.Time time) {
                    timers.computeIfAbsent(key, k -> target.timer(k.name(), k.micrometerTags()))
                            .record(time.nanos(), TimeUnit.NANOSECONDS);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record metrics for " + event.name(), e);
        }
    }

    private MeterRegistry registry() {
        MeterRegistry known = registry;
        if (known == null && registries.isResolvable()) {
            known = registries.get();
            registry = known;
        }
        return known;
    }
}
