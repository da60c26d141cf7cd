package io.squidmesh.runtime;

import io.squidmesh.executor.Payload;
import io.squidmesh.runtime.internal.CompensationRunner;
import io.squidmesh.runtime.internal.CronDelivery;
import io.squidmesh.runtime.internal.StepDelivery;
import io.squidmesh.tracing.Tracing;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

/**
 * Where delivered work comes back into the engine (SPEC §5.3). An executor calls {@link #perform} with the
 * payload exactly as it was enqueued; the engine decides everything else.
 * <p>
 * {@code perform} runs its own transactions and suspends the caller's, if any: it claims the work under a lease in
 * one short transaction, runs the step outside any transaction (so a step may run longer than any transaction
 * timeout), and records the outcome with the work that follows in another (DESIGN G1-G4). When it returns, the work
 * is recorded and the executor acknowledges the message; acknowledging after the return means a crash
 * before it redelivers the message, which finds the work done or takes it over.
 * <p>
 * Deliveries may repeat, arrive late or out of order: whatever no longer applies is a no-op (SPEC §6.14). It
 * throws {@link InvalidExecutorPayloadException} for a payload the engine never produces (dead-letter it),
 * {@link DeliveryDeferredException} for work it cannot do yet (deliver it again later, a bounded number of times,
 * then do what its reason says), and any other exception when the delivery failed for the moment (a database
 * outage): deliver it again later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Runner {

    @Inject
    StepDelivery steps;

    @Inject
    CompensationRunner compensations;

    @Inject
    CronDelivery cron;

    @Inject
    Tracing tracing;

    /** Performs a payload whose delivery cannot be told apart from a duplicate (no delivery id). */
    public void perform(Map<String, Object> payload) {
        perform(payload, null);
    }

    /**
     * Performs a payload.
     *
     * @param deliveryId what identifies this delivery (the JMS message id), recorded on the attempt it claims for
     *                   diagnosis; it decides nothing
     */
    public void perform(Map<String, Object> payload, String deliveryId) {
        perform(payload, deliveryId, null);
    }

    /**
     * Performs a payload that was queued in a trace: the spans of this delivery (a step attempt, a compensation)
     * are children of that context.
     *
     * @param deliveryId  as for {@link #perform(Map, String)}
     * @param traceParent the W3C {@code traceparent} the work was queued with ({@code EnqueueOptions.traceParent}),
     *                    or null
     */
    public void perform(Map<String, Object> payload, String deliveryId, String traceParent) {
        try (Tracing.Scope ignored = tracing.delivered(traceParent)) {
            performInTrace(payload, deliveryId);
        }
    }

    private void performInTrace(Map<String, Object> payload, String deliveryId) {
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
