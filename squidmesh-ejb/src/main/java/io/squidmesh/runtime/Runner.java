package io.squidmesh.runtime;

import io.squidmesh.executor.Payload;
import io.squidmesh.runtime.internal.CompensationRunner;
import io.squidmesh.runtime.internal.CronStarter;
import io.squidmesh.runtime.internal.StepDelivery;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

/**
 * Where delivered work comes back into the engine (SPEC §5.3). An executor calls {@link #perform} with the
 * payload exactly as it was enqueued; the engine decides everything else. It joins the caller's
 * transaction (the JMS executor's message-driven bean delivers each message in one), so the state change
 * a delivery makes and the consumption of the message commit together.
 * <p>
 * Deliveries may repeat, arrive late or out of order: whatever no longer applies is a no-op (SPEC §6.14).
 * An unknown run is logged and discarded. A payload the engine never produces fails with
 * {@link InvalidExecutorPayloadException}; other exceptions mean the delivery should be retried.
 */
@Stateless
public class Runner {

    @Inject
    StepDelivery steps;

    @Inject
    CompensationRunner compensations;

    @Inject
    CronStarter cron;

    /** Performs a payload whose delivery cannot be told apart from a duplicate (no delivery id). */
    public void perform(Map<String, Object> payload) {
        perform(payload, null);
    }

    /**
     * Performs a payload.
     *
     * @param deliveryId what identifies this message across redeliveries (the JMS message id); when the
     *                   same id comes back and finds the step it claimed still running, the earlier delivery
     *                   died before committing, and the step is taken over at once (DESIGN G3)
     */
    public void perform(Map<String, Object> payload, String deliveryId) {
        if (payload == null) {
            throw new InvalidExecutorPayloadException("payload is not a JSON object", null);
        }
        Payload work = Payload.of(payload);
        String kind = work.kind();
        if (Payload.STEP.equals(kind)) {
            steps.deliver(runId(work, payload), required(work, Payload.STEP, payload), deliveryId);
        } else if (Payload.COMPENSATION.equals(kind)) {
            compensations.compensate(runId(work, payload));
        } else if (Payload.CRON.equals(kind)) {
            cron.start(required(work, Payload.WORKFLOW, payload), required(work, Payload.TRIGGER, payload),
                    payload.get(Payload.SIGNAL_ID), payload.containsKey(Payload.SIGNAL_ID),
                    payload.get(Payload.INTENDED_WINDOW));
        } else {
            throw new InvalidExecutorPayloadException(kind == null ? "kind is missing or not a string"
                    : "unknown kind " + kind, payload);
        }
    }

    private static String required(Payload work, String field, Map<String, Object> payload) {
        String value = work.text(field);
        if (value == null || value.isBlank()) {
            throw new InvalidExecutorPayloadException(field + " is missing or not a string", payload);
        }
        return value;
    }

    private static UUID runId(Payload work, Map<String, Object> payload) {
        String value = required(work, Payload.RUN_ID, payload);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidExecutorPayloadException("run_id " + value + " is not a UUID", payload);
        }
    }
}
