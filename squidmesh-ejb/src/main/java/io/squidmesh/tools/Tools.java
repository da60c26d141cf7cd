package io.squidmesh.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single entry point steps use to call tools. Requests often come from workflow input (decoded
 * JSON), so their shape is only known at run time: everything a step can get wrong, and everything a
 * faulty adapter can do, comes back as a non-retryable {@link ToolError} the step can return as its
 * error, rather than as an exception the engine would treat as a crash worth retrying.
 */
public final class Tools {

    private static final String INVALID_RESULT = "tool adapter returned an invalid result";

    private Tools() {
    }

    /** Invokes {@code adapter} with an empty context. */
    public static ToolOutcome invoke(ToolAdapter adapter, Object request) {
        return invoke(adapter, request, Map.of());
    }

    /**
     * Invokes {@code adapter}; a result or error from the adapter is returned unchanged.
     *
     * @param request must be a map; its keys are passed on as strings
     * @param context must be a map; its keys are passed on as strings
     */
    public static ToolOutcome invoke(ToolAdapter adapter, Object request, Object context) {
        String name = adapter == null ? "null" : adapter.getClass().getName();
        if (!(request instanceof Map<?, ?> requestMap)) {
            return expectedMap(name, ToolErrorKind.INVALID_REQUEST, "tool requests must be maps");
        }
        if (!(context instanceof Map<?, ?> contextMap)) {
            return expectedMap(name, ToolErrorKind.INVALID_CONTEXT, "tool contexts must be maps");
        }
        if (adapter == null) {
            return contractViolation(name, "invalid_adapter");
        }
        ToolOutcome outcome;
        try {
            outcome = adapter.invoke(stringKeyed(requestMap), stringKeyed(contextMap));
        } catch (RuntimeException e) {
            return contractViolation(name, "unexpected_result: " + e);
        }
        return outcome == null ? contractViolation(name, "unexpected_result: null") : outcome;
    }

    private static ToolError expectedMap(String adapter, ToolErrorKind kind, String message) {
        return new ToolError(adapter, kind, message, Map.of("reason", "expected_map"), false);
    }

    private static ToolError contractViolation(String adapter, String reason) {
        return new ToolError(adapter, ToolErrorKind.ADAPTER_CONTRACT, INVALID_RESULT, Map.of("reason", reason), false);
    }

    /**
     * A copy with string keys, so adapters can rely on the {@code Map<String, Object>} they are given
     * and cannot alter the step's own map.
     */
    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
