package io.squidmesh.runtime;

import io.squidmesh.SquidMeshException;
import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.Payload;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The executor payload's one codec: every kind both ways, and every way a delivered payload can be wrong. */
class WorkTest {

    private static final UUID RUN = UUID.fromString("6f1c2a7e-0c1d-4b7a-9a55-1f2e3d4c5b6a");

    @Test
    void eachKindDecodesToWhatItsFactoryEncoded() {
        assertEquals(new Work.Step(RUN, "charge"), Work.decode(Payload.step(RUN, "charge").toMap()));
        assertEquals(new Work.Compensation(RUN), Work.decode(Payload.compensation(RUN).toMap()));
        assertEquals(new Work.Cron("nightly", "at_midnight", null, Map.of()),
                Work.decode(Payload.cron("nightly", "at_midnight", CronOptions.none()).toMap()));
        assertEquals(new Work.Cron("nightly", "at_midnight", "sched-42",
                        Map.of("start_at", "2030-01-01T00:00:00Z", "end_at", "2030-01-02T00:00:00Z")),
                Work.decode(Payload.cron("nightly", "at_midnight", new CronOptions("sched-42",
                        Map.of("start_at", "2030-01-01T00:00:00Z", "end_at", "2030-01-02T00:00:00Z"))).toMap()));
    }

    @Test
    void eachKindSurvivesTheTripThroughJson() {
        for (Work work : new Work[] {new Work.Step(RUN, "s"), new Work.Compensation(RUN),
                new Work.Cron("w", "t", "sig", Map.of("start_at", "a", "end_at", "b")), new Work.Cron("w", "t", null, Map.of())}) {
            assertEquals(work, Work.decode(Payload.fromJson(work.payload().toJson()).toMap()), work.toString());
        }
    }

    @Test
    void theWireFormatIsTheOneSpecFixes() {
        assertEquals("{\"kind\":\"step\",\"run_id\":\"" + RUN + "\",\"step\":\"charge\"}",
                new Work.Step(RUN, "charge").payload().toJson());
        assertEquals("{\"kind\":\"compensation\",\"run_id\":\"" + RUN + "\"}", new Work.Compensation(RUN).payload().toJson());
        // absent options are omitted, never null
        assertEquals("{\"kind\":\"cron\",\"workflow\":\"w\",\"trigger\":\"t\"}", new Work.Cron("w", "t", null, null).payload().toJson());
    }

    @Test
    void aPayloadTheEngineNeverProducesIsInvalidAndSaysWhy() {
        assertProblem(null, "payload is not a JSON object");
        assertProblem(Map.of(), "kind is missing or not a string");
        assertProblem(Map.of("kind", 7), "kind is missing or not a string");
        assertProblem(Map.of("kind", "nap"), "unknown kind nap");
        assertProblem(Map.of("kind", "step", "step", "s"), "run_id is missing or not a string");
        assertProblem(Map.of("kind", "step", "run_id", 12, "step", "s"), "run_id is missing or not a string");
        assertProblem(Map.of("kind", "step", "run_id", "12345", "step", "s"), "run_id 12345 is not a UUID");
        assertProblem(Map.of("kind", "step", "run_id", RUN.toString()), "step is missing or not a string");
        assertProblem(Map.of("kind", "step", "run_id", RUN.toString(), "step", "  "), "step is missing or not a string");
        assertProblem(Map.of("kind", "compensation", "run_id", "x"), "run_id x is not a UUID");
        assertProblem(Map.of("kind", "cron", "trigger", "t"), "workflow is missing or not a string");
        assertProblem(Map.of("kind", "cron", "workflow", "w", "trigger", false), "trigger is missing or not a string");
    }

    @Test
    void aCronSignalIdThatIsPresentMustBeANonEmptyString() {
        Map<String, Object> payload = new HashMap<>(Map.of("kind", "cron", "workflow", "w", "trigger", "t"));
        for (Object bad : new Object[] {"", 42, null, Map.of()}) {
            payload.put("signal_id", bad);
            SquidMeshException e = assertThrows(SquidMeshException.class, () -> Work.decode(payload), String.valueOf(bad));
            assertEquals("invalid_schedule_signal_id", e.code());
            assertEquals(String.valueOf(bad), e.details().get("signal_id"));
        }
        payload.remove("signal_id");
        assertNull(((Work.Cron) Work.decode(payload)).signalId());
    }

    @Test
    void aCronWindowKeepsItsTwoBoundsAndNothingElse() {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start_at", "2030-01-01T00:00:00Z");
        window.put("end_at", null);
        window.put("zone", "UTC");
        Map<String, Object> payload = Map.of("kind", "cron", "workflow", "w", "trigger", "t", "intended_window", window);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("start_at", "2030-01-01T00:00:00Z");
        kept.put("end_at", null);
        assertEquals(kept, ((Work.Cron) Work.decode(payload)).window());
        assertEquals(Map.of(), ((Work.Cron) Work.decode(Map.of("kind", "cron", "workflow", "w", "trigger", "t",
                "intended_window", "yesterday"))).window());
    }

    private static void assertProblem(Map<String, Object> payload, String problem) {
        InvalidExecutorPayloadException e = assertThrows(InvalidExecutorPayloadException.class, () -> Work.decode(payload));
        assertEquals("invalid_executor_payload", e.code());
        assertEquals(problem, e.details().get("problem"));
    }
}
