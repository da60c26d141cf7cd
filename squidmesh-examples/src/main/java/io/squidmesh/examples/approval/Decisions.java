package io.squidmesh.examples.approval;

import io.squidmesh.workflow.StepResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** What both recording steps return: the operator's decision, the account and the outcome. */
final class Decisions {

    private Decisions() {
    }

    static StepResult record(Map<String, Object> input, String status) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        ((Map<?, ?>) input.get("approval")).forEach((key, value) -> recorded.put(String.valueOf(key), value));
        recorded.put("account_id", input.get("account_id"));
        recorded.put("status", status);
        return StepResult.ok(recorded);
    }
}
