package io.squidmesh.runtime.internal.waiting;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored {@code resume} shapes (SPEC §4b) through their one reader and writer, malformed rows included. */
class StepResumeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void eachShapeIsWrittenInTheOriginalsKeyOrderAndReadBack() {
        StepResume[] shapes = {
                new StepResume.Approval("ship", "__complete__", "review"),
                new StepResume.Pause("ship", Map.of("approved", true)),
                new StepResume.Batch("import-orders", 42L, UUID.randomUUID().toString(), "node1"),
                new StepResume.EventWait("payment_received", NOW.toString(), NOW.plusSeconds(60).toString()),
                new StepResume.EventWait("payment_received", NOW.toString(), null),
                new StepResume.ChildWait(UUID.randomUUID().toString(), "child_flow"),
        };
        List<List<String>> keys = List.of(
                List.of("kind", "ok_target", "error_target", "output_key"),
                List.of("output", "target"),
                List.of("kind", "job", "execution_id", "node_id", "node"),
                List.of("kind", "event", "waiting_since", "timeout_at"),
                List.of("kind", "event", "waiting_since"),
                List.of("kind", "child_run_id", "workflow"));
        for (int i = 0; i < shapes.length; i++) {
            assertEquals(keys.get(i), List.copyOf(shapes[i].json().keySet()), shapes[i].toString());
            assertEquals(shapes[i], StepResume.read(shapes[i].json()), "read back " + shapes[i]);
        }
    }

    @Test
    void noResumeIsNothingAndAnUnknownShapeIsKeptAsStored() {
        assertNull(StepResume.read(null));
        StepResume unknown = StepResume.read(Map.of("kind", "sleep", "until", "never"));
        assertInstanceOf(StepResume.Unknown.class, unknown);
        assertEquals(Map.of("kind", "sleep", "until", "never"), unknown.json());
        assertInstanceOf(StepResume.Unknown.class, StepResume.read(Map.of()));
    }

    @Test
    void aPauseIsRecognisedByItsTargetAsTheOriginalStoresIt() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("output", null);
        stored.put("target", null);
        assertEquals(new StepResume.Pause(null, null), StepResume.read(stored), "a malformed target is still a pause");
    }

    @Test
    void anEventWaitsUntilItsTimeoutAndAnUnreadableOneIsNoTimeout() {
        StepResume.EventWait timed = new StepResume.EventWait("e", NOW.toString(), NOW.plusSeconds(5).toString());
        assertTrue(timed.inTime(NOW.plusSeconds(4)));
        assertFalse(timed.inTime(NOW.plusSeconds(5)), "the timeout instant itself is late");
        assertTrue(new StepResume.EventWait("e", NOW.toString(), null).inTime(NOW.plusSeconds(3600)));
        assertTrue(new StepResume.EventWait("e", NOW.toString(), "tomorrow").inTime(NOW));
        assertNull(new StepResume.EventWait(7, NOW.toString(), null).eventName(), "a non-string event matches nothing");
    }

    @Test
    void aChildIsKnownByItsUuid() {
        UUID child = UUID.randomUUID();
        assertEquals(child, new StepResume.ChildWait(child.toString(), "w").child());
        assertThrows(IllegalArgumentException.class, () -> new StepResume.ChildWait("not-a-uuid", "w").child(),
                "an unreadable child id must not look like no child (a second one would start)");
        assertNull(new StepResume.ChildWait(null, "w").child());
    }
}
