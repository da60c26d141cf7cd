package io.squidmesh.examples.approval;

import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The recording steps flatten the operator's decision into their own result. */
class DecisionsTest {

    private static final StepContext CONTEXT = new StepContext(UUID.randomUUID(), "manual_approval",
            "record_approval", 1, Map.of(), false);

    @Test
    void anApprovalKeepsTheDecisionAndAddsAccountAndStatus() {
        Map<String, Object> input = Map.of("account_id", "acc-1", "approval",
                Map.of("decision", "approved", "actor", "ops", "comment", "ok"));

        assertEquals(StepResult.ok(Map.of("decision", "approved", "actor", "ops", "comment", "ok",
                "account_id", "acc-1", "status", "approved")), new RecordApproval().run(input, CONTEXT));
    }

    @Test
    void aRejectionIsRecordedAsRejected() {
        Map<String, Object> input = Map.of("account_id", "acc-2", "approval", Map.of("decision", "rejected"));

        assertEquals(StepResult.ok(Map.of("decision", "rejected", "account_id", "acc-2", "status", "rejected")),
                new RecordRejection().run(input, CONTEXT));
    }
}
