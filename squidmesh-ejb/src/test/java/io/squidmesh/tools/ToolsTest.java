package io.squidmesh.tools;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolsTest {

    private final List<List<Map<String, Object>>> calls = new ArrayList<>();

    /** Records what it was given and answers with {@code outcome}. */
    private ToolAdapter recording(ToolOutcome outcome) {
        return (request, context) -> {
            calls.add(List.of(request, context));
            return outcome;
        };
    }

    private static ToolError error(ToolOutcome outcome) {
        return assertInstanceOf(ToolError.class, outcome);
    }

    private static void assertError(ToolError error, String adapter, ToolErrorKind kind, String message, Map<String, Object> details) {
        assertEquals(adapter, error.adapter());
        assertEquals(kind, error.kind());
        assertEquals(message, error.message());
        assertEquals(details, error.details());
        assertEquals(false, error.retryable());
    }

    @Test
    void requestMustBeAMap() {
        ToolAdapter adapter = recording(new ToolResult("a", Map.of()));

        for (Object request : new Object[] {"GET /", List.of(), null}) {
            assertError(error(Tools.invoke(adapter, request)), adapter.getClass().getName(),
                    ToolErrorKind.INVALID_REQUEST, "tool requests must be maps", Map.of("reason", "expected_map"));
        }
        assertTrue(calls.isEmpty(), "the adapter must not be called with an invalid request");
    }

    @Test
    void contextMustBeAMap() {
        ToolAdapter adapter = recording(new ToolResult("a", Map.of()));

        for (Object context : new Object[] {"run-1", 7, null}) {
            assertError(error(Tools.invoke(adapter, Map.of(), context)), adapter.getClass().getName(),
                    ToolErrorKind.INVALID_CONTEXT, "tool contexts must be maps", Map.of("reason", "expected_map"));
        }
        assertTrue(calls.isEmpty(), "the adapter must not be called with an invalid context");
    }

    @Test
    void missingAdapterIsAContractViolation() {
        assertError(error(Tools.invoke(null, Map.of())), "null", ToolErrorKind.ADAPTER_CONTRACT,
                "tool adapter returned an invalid result", Map.of("reason", "invalid_adapter"));
    }

    @Test
    void adapterReturningNullIsAContractViolation() {
        ToolAdapter adapter = recording(null);

        assertError(error(Tools.invoke(adapter, Map.of())), adapter.getClass().getName(), ToolErrorKind.ADAPTER_CONTRACT,
                "tool adapter returned an invalid result", Map.of("reason", "unexpected_result: null"));
    }

    @Test
    void adapterThrowingIsAContractViolation() {
        ToolAdapter adapter = (request, context) -> {
            throw new IllegalStateException("boom");
        };

        assertError(error(Tools.invoke(adapter, Map.of())), adapter.getClass().getName(), ToolErrorKind.ADAPTER_CONTRACT,
                "tool adapter returned an invalid result",
                Map.of("reason", "unexpected_result: java.lang.IllegalStateException: boom"));
    }

    @Test
    void adapterOutcomesPassThroughUnchanged() {
        ToolResult result = new ToolResult("a", Map.of("k", "v"), Map.of("m", 1));
        ToolError failure = new ToolError("a", ToolErrorKind.TIMEOUT, "slow", Map.of(), true);

        assertSame(result, Tools.invoke(recording(result), Map.of()));
        assertSame(failure, Tools.invoke(recording(failure), Map.of(), Map.of()));
    }

    @Test
    void adapterGetsStringKeyedCopiesAndAnEmptyDefaultContext() {
        Map<Object, Object> request = new LinkedHashMap<>();
        request.put(1, "one");
        request.put("two", 2);

        Tools.invoke(recording(new ToolResult("a", Map.of())), request);

        assertEquals(List.of(Map.of("1", "one", "two", 2), Map.of()), calls.get(0));
    }
}
