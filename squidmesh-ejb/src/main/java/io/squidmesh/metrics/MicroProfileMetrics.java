package io.squidmesh.metrics;

import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's meters in MicroProfile Metrics, for servers that have it instead of Micrometer (Payara: scraped in
 * Prometheus format at {@code /metrics?scope=application}). The same committed events move the same meters as
 * {@link EngineMetrics} ({@link EventMeters} decides which); {@code beans.xml} leaves this class out where the
 * MicroProfile Metrics API is missing or Micrometer is present, so a server never counts twice.
 */
@ApplicationScoped
public class MicroProfileMetrics {

    private static final Logger LOG = Logger.getLogger(MicroProfileMetrics.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    @Inject
    OpenRunsGauge openRuns;

    private volatile MetricRegistry registry;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!registries.isResolvable()) {
            LOG.info("no MicroProfile Metrics registry from the server: Squid Mesh metrics are off");
            return;
        }
        registry = registries.get();
        removeGauges(registry);
        for (RunStatus status : OpenRuns.STATUSES) {
            registry.gauge(EventMeters.RUNS_OPEN, openRuns, gauge -> gauge.read(status), new Tag("status", status.value()));
        }
        LOG.info("Squid Mesh metrics registered in MicroProfile Metrics (squidmesh.*)");
    }

    @PreDestroy
    void stop() {
        MetricRegistry known = registry;
        if (known != null) {
            removeGauges(known);
        }
    }

    private static void removeGauges(MetricRegistry target) {
        target.removeMatching((id, metric) -> id.getName().equals(EventMeters.RUNS_OPEN));
    }

    void record(@Observes SquidMeshEvent event) {
        MetricRegistry target = registry;
        if (target == null) {
            return;
        }
        try {
            for (EventMeters.Reading reading : EventMeters.of(event)) {
                Tag[] tags = reading.tags().entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue()))
                        .toArray(Tag[]::new);
                if (reading instanceof EventMeters.Count) {
                    target.counter(reading.name(), tags).inc();
                } else if (reading instanceof EventMeters.Time time) {
                    target.timer(reading.name(), tags).update(Duration.ofNanos(time.nanos()));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record metrics for " + event.name(), e);
        }
    }
}
