package io.squidmesh.examples.ledger;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.Map;

/**
 * Writes two ledger entries. Declared {@code transactional()}, it runs inside the transaction that also
 * records its completion, so the entries commit exactly once with it; returning an error (or throwing)
 * rolls back the entry already written. Without {@code transactional()} each insert would commit on its own.
 */
// tag::step[]
@ApplicationScoped
public class PostLocalLedgerEntries implements Step {

    @Inject
    LocalLedger ledger;

    @Override
    public String description() {
        return "Posts two local ledger entries in one transaction";
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) throws SQLException {
        String runId = context.runId().toString();
        String accountId = (String) input.get("account_id");
        ledger.post(runId, accountId, "reserve");
        if (Boolean.TRUE.equals(input.get("fail_after_reserve"))) {
            return StepResult.error(Map.of("message", "local ledger capture failed"));
        }
        ledger.post(runId, accountId, "capture");
        return StepResult.ok(Map.of("status", "committed", "entries", 2));
    }
}
// end::step[]
