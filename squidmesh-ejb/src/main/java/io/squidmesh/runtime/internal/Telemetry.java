package io.squidmesh.runtime.internal;

import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshEvent;
import io.squidmesh.executor.EnqueueOptions;
import io.squidmesh.persistence.RunEntity;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Emits {@link SquidMeshEvent}s after the current transaction commits, in the order they were recorded,
 * and drops them if it rolls back. Observers therefore never see a state change that did not happen,
 * whatever {@code during} phase they declare.
 */
@ApplicationScoped
public class Telemetry {

    /**
     * Why a delivery was skipped while its workflow's concurrency limit is full (the step waits for a slot); the
     * explanation of such a run gives the same reason.
     */
    public static final String WAITING_FOR_SLOT = "waiting_for_slot";

    private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());
    private static final Object PENDING = Telemetry.class.getName() + ".pending";
    private static final String DISPATCHED = "run.dispatched";

    @Inject
    Event<SquidMeshEvent> events;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    public void runCreated(RunEntity run) {
        emit("run.created", measurements(), runMetadata(run));
    }

    public void runReplayed(RunEntity run) {
        emit("run.replayed", measurements(), runMetadata(run));
    }

    public void runDispatched(RunEntity run, Map<String, Object> executorMetadata, EnqueueOptions options) {
        Map<String, Object> metadata = new LinkedHashMap<>(executorMetadata);
        options.scheduleIn().ifPresent(seconds -> metadata.putIfAbsent("schedule_in", seconds));
        options.delay().ifPresent(delay -> metadata.putIfAbsent("schedule_in_ms", delay.toMillis()));
        metadata.putAll(runMetadata(run));
        emit(DISPATCHED, measurements(), metadata);
    }

    public void runTransition(RunEntity run, String from, String to) {
        Map<String, Object> metadata = runMetadata(run);
        metadata.put("from_status", from);
        metadata.put("to_status", to);
        Map<String, Object> m = measurements();
        // a run's whole life, for the run duration metric: from its row's insertion to the terminal transition
        if (RunStatus.parse(to).map(RunStatus::isTerminal).orElse(false) && run.getInsertedAt() != null) {
            m.put("duration", Math.max(0, Duration.between(run.getInsertedAt(), Instant.now()).toNanos()));
        }
        emit("run.transition", m, metadata);
    }

    public void stepStarted(RunEntity run, String step, int attempt) {
        emit("step.started", measurements(), stepMetadata(run, step, attempt));
    }

    public void stepSkipped(RunEntity run, String step, String reason) {
        Map<String, Object> metadata = stepMetadata(run, step, null);
        metadata.put("reason", reason);
        emit("step.skipped", measurements(), metadata);
    }

    public void stepCompleted(RunEntity run, String step, int attempt, long durationNanos) {
        Map<String, Object> m = measurements();
        m.put("duration", durationNanos);
        emit("step.completed", m, stepMetadata(run, step, attempt));
    }

    public void stepFailed(RunEntity run, String step, int attempt, long durationNanos, Map<String, Object> error) {
        Map<String, Object> m = measurements();
        m.put("duration", durationNanos);
        Map<String, Object> metadata = stepMetadata(run, step, attempt);
        metadata.put("error", error);
        emit("step.failed", m, metadata);
    }

    /** A compensation callback of a failed run's completed step ran: {@code outcome} completed or failed. */
    public void stepCompensated(RunEntity run, String step, String outcome) {
        Map<String, Object> metadata = runMetadata(run);
        metadata.put("step", step);
        metadata.put("outcome", outcome);
        emit("step.compensated", measurements(), metadata);
    }

    public void retryScheduled(RunEntity run, String step, int failedAttempt, long delayMillis) {
        Map<String, Object> m = measurements();
        m.put("delay_ms", delayMillis);
        emit("step.retry_scheduled", m, stepMetadata(run, step, failedAttempt));
    }

    private void emit(String name, Map<String, Object> measurements, Map<String, Object> metadata) {
        SquidMeshEvent event = new SquidMeshEvent(name, Map.copyOf(measurements), unmodifiable(metadata));
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            fire(List.of(event));
            return;
        }
        @SuppressWarnings("unchecked")
        List<SquidMeshEvent> pending = (List<SquidMeshEvent>) transactions.getResource(PENDING);
        if (pending == null) {
            List<SquidMeshEvent> batch = new ArrayList<>();
            transactions.putResource(PENDING, batch);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        fire(batch);
                    }
                }
            });
            pending = batch;
        }
        pending.add(event);
    }

    /**
     * Fires a transaction's events: state events first, in the order recorded, then the
     * {@code run.dispatched} ones (SPEC §6.5 E: step event, run transition, then dispatches).
     */
    private void fire(List<SquidMeshEvent> batch) {
        List<SquidMeshEvent> ordered = new ArrayList<>(batch.size());
        batch.stream().filter(e -> !DISPATCHED.equals(e.name())).forEach(ordered::add);
        batch.stream().filter(e -> DISPATCHED.equals(e.name())).forEach(ordered::add);
        for (SquidMeshEvent event : ordered) {
            try {
                events.fire(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a Squid Mesh telemetry observer failed on " + event.name(), e);
            }
        }
    }

    private static Map<String, Object> measurements() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("system_time", System.currentTimeMillis());
        return m;
    }

    static Map<String, Object> runMetadata(RunEntity run) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("run_id", run.getId().toString());
        metadata.put("workflow", run.getWorkflow());
        metadata.put("trigger", run.getTrigger());
        metadata.put("status", run.getStatus().value());
        metadata.put("current_step", run.getCurrentStep());
        return metadata;
    }

    private static Map<String, Object> stepMetadata(RunEntity run, String step, Integer attempt) {
        Map<String, Object> metadata = runMetadata(run);
        metadata.put("step", step);
        metadata.put("attempt", attempt);
        return metadata;
    }

    private static Map<String, Object> unmodifiable(Map<String, Object> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
