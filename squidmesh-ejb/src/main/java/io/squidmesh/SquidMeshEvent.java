package io.squidmesh;

import java.util.Map;

/**
 * A telemetry event (SPEC §10.1), fired as a CDI event only after the transaction that caused it
 * commits, never for work that rolled back. Observe it with {@code @Observes SquidMeshEvent}.
 * <p>
 * {@code name} is one of {@code run.created}, {@code run.replayed}, {@code run.dispatched},
 * {@code run.transition}, {@code step.started}, {@code step.skipped}, {@code step.completed},
 * {@code step.failed}, {@code step.retry_scheduled} (the original engine's names without the
 * {@code squid_mesh} prefix). {@code measurements} holds {@code system_time} (epoch ms) and, where
 * relevant, {@code duration} (nanoseconds: of the attempt for step events, of the whole run for a
 * {@code run.transition} to a terminal status) or {@code delay_ms}; {@code metadata} holds {@code run_id},
 * {@code workflow}, {@code trigger}, {@code status}, {@code current_step} and, for step events,
 * {@code step} and {@code attempt}.
 */
public record SquidMeshEvent(String name, Map<String, Object> measurements, Map<String, Object> metadata) {

    /**
     * One metadata value.
     *
     * @param key the metadata key, e.g. {@code run_id}
     * @return the value, or {@code null} when absent
     */
    public Object metadata(String key) {
        return metadata.get(key);
    }
}
