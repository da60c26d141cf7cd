package io.squidmesh.web.json;

import io.squidmesh.AuditEvent;
import io.squidmesh.Run;
import io.squidmesh.RunPage;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunJsonTest {

    private static final UUID RUN = UUID.fromString("6f1c1c9e-3f55-4a43-9d7e-2d8f0e7c1a01");
    private static final UUID SOURCE = UUID.fromString("0b7e4a9a-3a3f-4f55-8a0b-6b9a3f3e2c02");
    private static final UUID ROW = UUID.fromString("1d9f5c2e-7a4b-4d1e-9c3a-5e8f7a6b4c03");
    private static final UUID ATTEMPT = UUID.fromString("2e0a6d3f-8b5c-4e2f-ad4b-6f9a8b7c5d04");
    private static final Instant INSERTED = Instant.parse("2025-11-26T19:15:02.123456Z");
    private static final Instant UPDATED = Instant.parse("2025-11-26T19:15:03Z");

    @Test
    void aRunWithoutHistoryHasItsPublicFieldsInSnakeCase() {
        Map<String, Object> json = RunJson.run(run(null, null, null));

        assertEquals(List.of("id", "workflow", "version", "trigger", "status", "payload", "context", "current_step", "last_error",
                "replayed_from_run_id", "key", "priority", "parent_run_id", "parent_step", "inserted_at", "updated_at"),
                List.copyOf(json.keySet()));
        assertEquals(RUN.toString(), json.get("id"));
        assertEquals("2", json.get("version"));
        assertEquals("retrying", json.get("status"));
        assertEquals("charge", json.get("current_step"));
        assertEquals(Map.of("code", "declined"), json.get("last_error"));
        assertEquals(SOURCE.toString(), json.get("replayed_from_run_id"));
        assertEquals("order-1", json.get("key"));
        assertEquals(7, json.get("priority"));
        assertEquals("2025-11-26T19:15:02.123456Z", json.get("inserted_at"));
        assertEquals("2025-11-26T19:15:03Z", json.get("updated_at"));
    }

    @Test
    void historyAddsStepsStepRunsWithAttemptsAndAuditEvents() {
        StepAttempt attempt = new StepAttempt(ATTEMPT, 2, "failed", Map.of("message", "boom"), INSERTED, UPDATED);
        StepRun row = new StepRun(ROW, "charge", "failed", Map.of("amount", 5), null, Map.of("message", "boom"),
                Map.of("replay", "allowed"), List.of(attempt), INSERTED, UPDATED);
        StepState waiting = new StepState("refund", StepState.WAITING, List.of("charge"), null, null, null,
                Map.of("recovery", "automatic"), List.of(), null, null);
        AuditEvent paused = new AuditEvent("resumed", "hold", "ops_123", "go", Map.of("ticket", "ops-123"), UPDATED);

        Map<String, Object> json = RunJson.run(run(List.of(waiting), List.of(row), List.of(paused)));

        assertEquals(Map.of("step", "refund", "status", "waiting", "depends_on", List.of("charge"),
                "recovery", Map.of("recovery", "automatic"), "attempts", List.of()), withoutNulls(
                ((List<?>) json.get("steps")).get(0)));
        Map<?, ?> stepRun = (Map<?, ?>) ((List<?>) json.get("step_runs")).get(0);
        assertEquals(List.of("id", "step", "status", "input", "output", "last_error", "recovery", "attempts",
                "inserted_at", "updated_at"), List.copyOf(stepRun.keySet()));
        assertEquals(ROW.toString(), stepRun.get("id"));
        assertEquals(List.of(Map.of("id", ATTEMPT.toString(), "attempt_number", 2, "status", "failed",
                "error", Map.of("message", "boom"), "inserted_at", "2025-11-26T19:15:02.123456Z",
                "updated_at", "2025-11-26T19:15:03Z")), stepRun.get("attempts"));
        assertEquals(List.of(Map.of("type", "resumed", "step", "hold", "actor", "ops_123", "comment", "go",
                "metadata", Map.of("ticket", "ops-123"), "at", "2025-11-26T19:15:03Z")), json.get("audit_events"));
    }

    @Test
    void aPageIsRunsAndTheNextCursorWhichIsNullOnTheLastPage() {
        Map<String, Object> last = RunJson.page(new RunPage(List.of(run(null, null, null)), null));

        assertEquals(List.of("runs", "next"), List.copyOf(last.keySet()));
        assertNull(last.get("next"));
        assertEquals("{\"runs\":[],\"next\":\"abc\"}", Json.write(RunJson.page(new RunPage(List.of(), "abc"))));
        assertFalse(((Map<?, ?>) ((List<?>) last.get("runs")).get(0)).containsKey("step_runs"));
    }

    private static Run run(List<StepState> steps, List<StepRun> rows, List<AuditEvent> events) {
        return new Run(RUN, "checkout", "2", "checkout", RunStatus.RETRYING, Map.of("order_id", "o-1"), Map.of(),
                "charge", Map.of("code", "declined"), SOURCE, "order-1", 7, null, null, INSERTED, UPDATED, steps, rows,
                events, null, null);
    }

    private static Map<String, Object> withoutNulls(Object json) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) json).forEach((k, v) -> {
            if (v != null) {
                copy.put((String) k, v);
            }
        });
        return copy;
    }
}
