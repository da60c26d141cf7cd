package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.InvalidEventException;
import io.squidmesh.RunEvent;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunNotWaitingException;
import io.squidmesh.RunStatus;
import io.squidmesh.json.StorableJson;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunEventEntity;
import io.squidmesh.persistence.RunEventStore;
import io.squidmesh.persistence.RunKeyStore;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.CallerText;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.DispatchException;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Puts external events into runs' mailboxes ({@link io.squidmesh.SquidMesh#signalRun}), in the caller's
 * transaction and under the run's lock: the event is stored, and when a step of the run waits for it a delivery of
 * that step is queued with it, so both commit together or not at all. The step takes the event when delivered
 * ({@link EventWaits}); an event no step waits for yet stays in the mailbox until one does.
 */
@ApplicationScoped
@InCallersTransaction
public class RunSignals {

    private static final Logger LOG = Logger.getLogger(RunSignals.class.getName());

    @Inject
    RunStore runs;

    @Inject
    RunKeyStore keys;

    @Inject
    StepRunStore stepRuns;

    @Inject
    RunEventStore events;

    @Inject
    Dispatcher dispatcher;

    public RunEvent signal(UUID runId, String event, Map<String, Object> payload, String idempotencyKey) {
        String name = checkedName("event", event);
        String key = idempotencyKey == null ? null : checkedName("idempotency_key", idempotencyKey);
        Map<String, Object> body = payload == null ? Map.of() : new LinkedHashMap<>(payload);
        StorableJson.problem(body, "payload").ifPresent(problem -> {
            throw new InvalidEventException(problem.substring(0, problem.indexOf(':')),
                    problem.substring(problem.indexOf(':') + 2));
        });

        RunEntity run = runs.lock(runId);
        if (run == null) {
            throw new RunNotFoundException(runId.toString());
        }
        if (key != null) {
            Optional<RunEventEntity> sent = events.withKey(runId, key);
            if (sent.isPresent()) {
                return RunViews.event(sent.get()); // a repeat: the first event stands, nothing new is stored or queued
            }
        }
        RunStatus status = run.getStatus();
        if (status.isTerminal() || status == RunStatus.CANCELLING) {
            throw new RunNotWaitingException(runId.toString(), status, name);
        }
        Instant now = Clocks.now();
        RunEventEntity stored = new RunEventEntity(UUID.randomUUID(), runId, name, body, key, now);
        events.insert(stored);
        wake(run, name);
        return RunViews.event(stored);
    }

    public RunEvent signalByKey(String workflow, String runKey, String event, Map<String, Object> payload,
                                String idempotencyKey) {
        if (workflow == null || runKey == null) {
            throw new RunNotFoundException(workflow + "/" + runKey);
        }
        UUID runId = keys.runOf(workflow, runKey).orElseThrow(() -> new RunNotFoundException(workflow + "/" + runKey));
        return signal(runId, event, payload, idempotencyKey);
    }

    /** Queues a delivery of the step that waits for this event, if one does (the oldest such, in dependency mode). */
    private void wake(RunEntity run, String event) {
        if (run.getStatus() == RunStatus.PAUSED) {
            return; // an operator holds the run; the event waits in the mailbox
        }
        for (StepRunEntity row : stepRuns.forRun(run.getId())) {
            if (event.equals(EventWaits.awaited(row))) {
                try {
                    dispatcher.enqueueStep(run, row.getStep(), Duration.ZERO);
                } catch (DispatchException e) {
                    throw e.forCaller();
                }
                LOG.fine(() -> "event " + event + " for run_id=" + run.getId() + " wakes step " + row.getStep());
                return;
            }
        }
    }

    /** An event name or idempotency key as given, or {@code invalid_event} naming the field and the fault. */
    static String checkedName(String field, String value) {
        CallerText.problem(value, RunEvent.MAX_NAME_LENGTH).ifPresent(why -> {
            throw new InvalidEventException(field, why);
        });
        return value;
    }
}
