package io.squidmesh.runtime.internal.compensation;

import io.squidmesh.runtime.internal.delivery.ExecutionOutcome;
import io.squidmesh.runtime.internal.delivery.StepExecution;
import io.squidmesh.runtime.internal.recovery.Leases;
import io.squidmesh.tracing.Tracing;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Runs the saga compensation of a failed run (SPEC §6.12): every owed callback, newest completion first,
 * each recorded {@code running} in its own transaction before it runs and {@code completed}/{@code failed}
 * after, so a crash or redelivery re-runs only what did not finish. A failing callback does not stop the
 * others; the failures are summarised in the run's {@code last_error}.
 * <p>
 * One delivery compensates a run at a time: it holds the run's compensation lease ({@code compensation_node},
 * {@code compensation_until}, renewed while it works, see {@link Leases}) from its first callback to its last.
 * Another delivery meanwhile (a duplicate message, the watchdog's) finds the lease live and does nothing, so
 * every callback runs once; a lease whose node is gone or that lapsed is taken over. The transactions around each
 * callback are {@link CompensationRecords}'.
 */
@Stateless
public class CompensationRunner {

    private static final Logger LOG = Logger.getLogger(CompensationRunner.class.getName());

    @Inject
    CompensationRecords records;

    @Inject
    StepExecution execution;

    @Inject
    Leases leases;

    @Inject
    Tracing tracing;

    /** Runs outside any transaction: callbacks may be slow and hold no lock while they run. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void compensate(UUID runId) {
        List<UUID> owed = records.claim(runId);
        if (owed == null) {
            return;
        }
        try (Tracing.Span span = tracing.compensation(runId)) {
            List<Map<String, Object>> failures = new ArrayList<>();
            for (UUID stepRunId : owed) {
                CompensationRecords.Callback callback = records.begin(runId, stepRunId);
                if (callback == null) {
                    return; // the lease was lost: whoever holds it now finishes the job
                }
                ExecutionOutcome outcome = execution.invoke(callback.step().compensate(), callback.input(),
                        callback.context());
                Map<String, Object> error = records.finish(runId, stepRunId, outcome);
                if (error != null) {
                    LOG.warning(() -> "compensation execution failed run_id=" + runId + " step=" + callback.step().name()
                            + ": " + error.get("message"));
                    failures.add(error);
                }
            }
            records.release(runId, owed, failures);
            span.outcome(failures.isEmpty() ? "compensated" : "compensation_failed", !failures.isEmpty());
        } finally {
            leases.releaseCompensation(runId);
        }
    }
}
