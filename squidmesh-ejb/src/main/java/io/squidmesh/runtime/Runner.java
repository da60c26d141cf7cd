package io.squidmesh.runtime;

import io.squidmesh.runtime.internal.compensation.CompensationRunner;
import io.squidmesh.runtime.internal.cron.CronDelivery;
import io.squidmesh.runtime.internal.delivery.StepDelivery;
import io.squidmesh.tracing.Tracing;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Map;

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
        Work work = Work.decode(payload);
        if (work instanceof Work.Step step) {
            steps.deliver(step.runId(), step.step(), deliveryId);
        } else if (work instanceof Work.Compensation compensation) {
            compensations.compensate(compensation.runId());
        } else if (work instanceof Work.Cron activation) {
            cron.start(activation);
        }
    }
}
