package io.squidmesh.jms;

import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.Executor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Queues one cron activation in a transaction of its own ({@link CronScheduler}): a send the broker refuses rolls
 * back this transaction only, never the timeout's, which keeps the scheduler's timers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CronActivations {

    @Inject
    Executor executor;

    /** Queues {@code Payload.cron} for the trigger and window; throws when the executor refuses. */
    public void queue(String workflow, String trigger, CronOptions window) {
        executor.enqueueCron(workflow, trigger, window);
    }
}
