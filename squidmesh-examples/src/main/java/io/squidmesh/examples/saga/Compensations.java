package io.squidmesh.examples.saga;

import io.squidmesh.workflow.StepResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the compensation callbacks share. A callback's input is {@code {payload, context, step, failure}},
 * where {@code step} is {@code {name, input, output}} of the step being undone: everything needed to undo
 * it is in what the step returned.
 */
final class Compensations {

    private Compensations() {
    }

    /** The undone step's output under {@code outputKey}, with a new status, returned under {@code resultKey}. */
    static StepResult undone(Map<String, Object> input, String outputKey, String resultKey, String status) {
        Map<?, ?> output = (Map<?, ?>) ((Map<?, ?>) input.get("step")).get("output");
        Map<String, Object> undone = new LinkedHashMap<>();
        ((Map<?, ?>) output.get(outputKey)).forEach((key, value) -> undone.put(String.valueOf(key), value));
        undone.put("status", status);
        return StepResult.ok(Map.of(resultKey, undone));
    }
}
