package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.recovery.Leases;
import io.squidmesh.workflow.StepKind;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

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

    @Inject
    Leases leases;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExecutionOutcome execute(Claim claim) {
        return run(claim);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExecutionOutcome executeAndApply(Claim claim, long startedNanos) {
        ExecutionOutcome outcome = run(claim);
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

    /** Runs the attempt; once its code returned, nothing interrupts the thread for it, and a late result is fenced. */
    @SuppressWarnings("try") // the log context is only opened and closed around the attempt
    private ExecutionOutcome run(Claim claim) {
        ExecutionOutcome outcome;
        try (StepLogContext ignored = StepLogContext.open(claim)) {
            outcome = execution.run(claim);
        } finally {
            leases.executionEnded(claim.attemptId());
        }
        return fenced(claim, outcome, Clocks.now());
    }

    /**
     * What an attempt that returned at {@code now} produced: its outcome, or {@code step_timeout} when its step's
     * timeout had passed by then (whatever it returned: a late success is not recorded, so a transactional step's
     * writes roll back with it).
     */
    public static ExecutionOutcome fenced(Claim claim, ExecutionOutcome outcome, Instant now) {
        Duration timeout = claim.step().kind() == StepKind.CUSTOM ? claim.step().timeout() : null;
        if (timeout == null || now.isBefore(claim.attemptStartedAt().plus(timeout))) {
            return outcome;
        }
        return new ExecutionOutcome.Failed(StepError.timedOut(claim.stepName(), timeout));
    }
}
