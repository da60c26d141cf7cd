package io.squidmesh.runtime.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The transaction boundaries around a step attempt (DESIGN G4). An ordinary step runs with no transaction, so a
 * slow call holds no locks and no transaction can time out under it, however long it runs; its own writes commit
 * as it makes them. A {@code transactional()} step runs in a new transaction that also records its success and
 * enqueues its successor: its writes to XA resources commit exactly when the step is recorded complete. On
 * failure they roll back and the failure is applied afterwards; when its claim was taken over meanwhile (its
 * lease lapsed and another attempt started), they roll back too and the result is ignored.
 */
@Stateless
public class StepInvoker {

    @Inject
    StepExecution execution;

    @Inject
    StepApplier applier;

    @Resource
    SessionContext session;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @SuppressWarnings("try") // the log context is only opened and closed around the attempt
    public ExecutionOutcome execute(Claim claim) {
        try (StepLogContext ignored = StepLogContext.open(claim)) {
            return execution.run(claim);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("try")
    public ExecutionOutcome executeAndApply(Claim claim, long startedNanos) {
        ExecutionOutcome outcome;
        try (StepLogContext ignored = StepLogContext.open(claim)) {
            outcome = execution.run(claim);
        }
        if (outcome instanceof ExecutionOutcome.Succeeded success) {
            if (applier.applySuccess(claim, success.output(), success.scheduleIn(),
                    System.nanoTime() - startedNanos)) {
                return new ExecutionOutcome.Applied();
            }
            session.setRollbackOnly(); // a stale attempt: its writes must not commit beside the current one's
            return new ExecutionOutcome.Stale();
        }
        session.setRollbackOnly();
        return outcome;
    }
}
