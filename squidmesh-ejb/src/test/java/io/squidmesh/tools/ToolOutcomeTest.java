package io.squidmesh.tools;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ToolOutcomeTest {

    @Test
    void errorMapUsesTheOriginalEngineKeys() {
        ToolError error = new ToolError("io.example.Mail", ToolErrorKind.INVALID_REQUEST, "no recipient",
                Map.of("field", "to"), false);

        Map<String, Object> map = error.toMap();

        assertEquals(List.of("adapter", "kind", "message", "details", "retryable?"), List.copyOf(map.keySet()));
        assertEquals("io.example.Mail", map.get("adapter"));
        assertEquals("invalid_request", map.get("kind"));
        assertEquals("no recipient", map.get("message"));
        assertEquals(Map.of("field", "to"), map.get("details"));
        assertEquals(false, map.get("retryable?"));
        assertEquals(true, new ToolError("a", ToolErrorKind.HTTP, "m", Map.of(), true).toMap().get("retryable?"));
    }

    @Test
    void kindsAreLowerSnakeCase() {
        assertEquals(List.of("adapter_contract", "http", "invalid_context", "invalid_request", "timeout", "transport"),
                Arrays.stream(ToolErrorKind.values()).map(ToolErrorKind::value).toList());
    }

    @Test
    void metadataAndDetailsDefaultToEmpty() {
        assertEquals(Map.of(), new ToolResult("a", Map.of("k", "v")).metadata());
        assertEquals(Map.of(), new ToolResult("a", Map.of("k", "v"), null).metadata());
        assertEquals(Map.of(), new ToolError("a", ToolErrorKind.HTTP, "m", null, false).details());
    }
}
