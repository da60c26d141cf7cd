package io.squidmesh.it.workflows;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Steps for recovery features: compensation callbacks, a step that always asks to retry, a transactional ledger. */
public final class RecoverySteps {

    private RecoverySteps() {
    }

    /** Always a retryable failure. */
    @ApplicationScoped
    public static class AlwaysRetry implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), context.step());
            return StepResult.retry(Map.of("message", "payment capture declined", "code", "capture_declined"));
        }
    }

    /** A compensation callback: records itself and echoes what it undid. */
    @ApplicationScoped
    public static class Undo implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), "undo:" + context.step());
            @SuppressWarnings("unchecked")
            Map<String, Object> step = (Map<String, Object>) input.get("step");
            return StepResult.ok(Map.of("undone", step.get("name"), "compensation", context.compensation(),
                    "failure_code", ((Map<?, ?>) input.get("failure")).get("code")));
        }
    }

    /** A compensation callback that fails. */
    @ApplicationScoped
    public static class UndoFails implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), "undo:" + context.step());
            return StepResult.error(Map.of("message", "release failed", "code", "release_failed"));
        }
    }

    /**
     * Writes two ledger rows through the default datasource, in the step's transaction. When the payload asks
     * for it, the first attempt's transaction is made to fail at commit, after the step returned success.
     */
    @ApplicationScoped
    public static class Ledger implements Step {

        static final Set<String> COMMIT_FAILED = ConcurrentHashMap.newKeySet();

        @Resource(lookup = "java:comp/DefaultDataSource")
        DataSource dataSource;

        @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
        TransactionSynchronizationRegistry transactions;

        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws SQLException {
            Probe.record(context.runId(), context.step());
            String run = context.runId().toString();
            try (Connection connection = dataSource.getConnection()) {
                for (String entry : new String[] {"reserve", "capture"}) {
                    LedgerTable.insert(connection, run, entry, context.attempt());
                }
            }
            if (Boolean.TRUE.equals(input.get("fail_commit_once")) && COMMIT_FAILED.add(run)) {
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        throw new IllegalStateException("forced failure while committing the ledger step");
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            }
            if (Boolean.TRUE.equals(input.get("fail_after_reserve"))) {
                return StepResult.error(Map.of("message", "local ledger capture failed"));
            }
            return StepResult.ok(Map.of("status", "committed", "entries", 2));
        }
    }
}
