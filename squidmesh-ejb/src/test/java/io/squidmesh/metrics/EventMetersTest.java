package io.squidmesh.metrics;

import io.squidmesh.SquidMeshEvent;
import io.squidmesh.metrics.EventMeters.Count;
import io.squidmesh.metrics.EventMeters.Reading;
import io.squidmesh.metrics.EventMeters.Time;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which meters each engine event moves, row by row. */
class EventMetersTest {

    private static SquidMeshEvent event(String name, Map<String, Object> measurements, Object... metadata) {
        Map<String, Object> meta = new HashMap<>(Map.of("run_id", "r-1", "workflow", "billing"));
        for (int i = 0; i + 1 < metadata.length; i += 2) {
            meta.put((String) metadata[i], metadata[i + 1]);
        }
        return new SquidMeshEvent(name, measurements, meta);
    }

    private static List<Reading> of(SquidMeshEvent event) {
        return EventMeters.of(event);
    }

    @Test
    void aCreatedRunIsAStartAndAReplayOneOfAnotherOrigin() {
        assertEquals(List.of(new Count("squidmesh.runs.started", Map.of("workflow", "billing", "origin", "start"))),
                of(event("run.created", Map.of())));
        assertEquals(List.of(new Count("squidmesh.runs.started", Map.of("workflow", "billing", "origin", "replay"))),
                of(event("run.replayed", Map.of())));
    }

    @Test
    void aTerminalTransitionCountsTheEndAndTimesTheRun() {
        Map<String, String> tags = Map.of("workflow", "billing", "status", "failed");
        assertEquals(List.of(new Count("squidmesh.runs.finished", tags), new Time("squidmesh.run.duration", tags, 42L)),
                of(event("run.transition", Map.of("duration", 42L), "from_status", "running", "to_status", "failed")));
        assertEquals(List.of(new Count("squidmesh.runs.finished", Map.of("workflow", "billing", "status", "cancelled"))),
                of(event("run.transition", Map.of(), "from_status", "cancelling", "to_status", "cancelled")),
                "without a duration the end is still counted");
    }

    @Test
    void aTransitionBetweenOpenStatusesMovesNothing() {
        assertEquals(List.of(), of(event("run.transition", Map.of(), "from_status", "pending", "to_status", "running")));
        assertEquals(List.of(), of(event("run.transition", Map.of(), "from_status", "running", "to_status", "paused")));
        assertEquals(List.of(), of(event("run.transition", Map.of(), "from_status", "running", "to_status", "exploded")));
    }

    @Test
    void stepAttemptsAreCountedAndTimedByOutcome() {
        Map<String, String> ok = Map.of("workflow", "billing", "step", "charge", "outcome", "completed");
        assertEquals(List.of(new Count("squidmesh.step.attempts", ok), new Time("squidmesh.step.duration", ok, 7_000L)),
                of(event("step.completed", Map.of("duration", 7_000L), "step", "charge", "attempt", 1)));
        Map<String, String> failed = Map.of("workflow", "billing", "step", "charge", "outcome", "failed");
        assertEquals(List.of(new Count("squidmesh.step.attempts", failed), new Time("squidmesh.step.duration", failed, 9L)),
                of(event("step.failed", Map.of("duration", 9L), "step", "charge", "attempt", 2)));
    }

    @Test
    void retriesAndSkippedDeliveriesAreCounted() {
        assertEquals(List.of(new Count("squidmesh.retries.scheduled", Map.of("workflow", "billing", "step", "charge"))),
                of(event("step.retry_scheduled", Map.of("delay_ms", 1000L), "step", "charge", "attempt", 1)));
        assertEquals(List.of(new Count("squidmesh.deliveries.skipped", Map.of("workflow", "billing", "reason", "already_running"))),
                of(event("step.skipped", Map.of(), "step", "charge", "reason", "already_running")));
    }

    @Test
    void compensationsAreCountedByStepAndOutcome() {
        assertEquals(List.of(new Count("squidmesh.compensations", Map.of("workflow", "billing", "step", "reserve", "outcome", "completed"))),
                of(event("step.compensated", Map.of(), "step", "reserve", "outcome", "completed")));
        assertEquals(List.of(new Count("squidmesh.compensations", Map.of("workflow", "billing", "step", "reserve", "outcome", "failed"))),
                of(event("step.compensated", Map.of(), "step", "reserve", "outcome", "failed")));
    }

    @Test
    void eventsThatAreNotMeteredMoveNothing() {
        assertEquals(List.of(), of(event("run.dispatched", Map.of())));
        assertEquals(List.of(), of(event("step.started", Map.of(), "step", "charge", "attempt", 1)));
    }
}
