package io.squidmesh.runtime.internal;

import io.squidmesh.executor.EnqueueException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §4.11's error shapes and the two decisions the engine takes on an error, one case per rule. */
class StepErrorTest {

    @Test
    void whatAStepFailedWithIsStoredInTheOriginalsShape() {
        assertEquals(Map.of("message", "card declined"), StepError.of("card declined").json());
        assertEquals(Map.of("message", "step failed"), StepError.of(null).json());
        assertEquals(Map.of("message", "boom", "type", "java.lang.IllegalStateException"),
                StepError.of(new IllegalStateException("boom")).json());
        assertEquals(Map.of("message", "NullPointerException", "type", "java.lang.NullPointerException"),
                StepError.of(new NullPointerException()).json(), "an exception without a message is named by its class");
        Map<Object, Object> given = new LinkedHashMap<>();
        given.put("code", 402);
        given.put(7, "seven");
        assertEquals(List.of("code", "7"), List.copyOf(StepError.of(given).json().keySet()), "a map is kept, keys as text");
    }

    @Test
    void aFailureIsTerminalOnlyWhenItSaysSo() {
        assertTrue(StepError.of("transient").retryable(), "unsaid is retryable");
        assertFalse(StepError.terminal("gone").retryable());
        assertEquals(false, StepError.terminal("gone").json().get("retryable?"));
        assertTrue(StepError.retryable("later", null).retryable());
        assertEquals(true, StepError.retryable("later", null).json().get("retryable?"));
        // a tool's 4xx says retryable?: false, and a Retry result does not override it
        assertFalse(StepError.retryable(Map.of("status", 404, "retryable?", false), null).retryable());
        assertFalse(StepError.thrown(new IllegalArgumentException("bad")).retryable(), "a thrown exception is terminal");
        assertTrue(StepError.commitFailed(new RuntimeException("tx", new IllegalStateException("deadlock"))).retryable());
        assertTrue(StepError.timedOut("call", Duration.ofSeconds(2)).retryable(), "the retry policy applies to a timeout");
        assertFalse(StepError.refused("invalid output", "field", "x").retryable());
    }

    @Test
    void retryAfterReplacesTheBackoffOnlyWhenItIsANonNegativeInteger() {
        assertEquals(1500L, StepError.retryable("429", 1500L).retryAfterMillis());
        assertEquals(0L, StepError.of(Map.of("retry_after", 0)).retryAfterMillis());
        assertNull(StepError.of(Map.of("retry_after", -1)).retryAfterMillis());
        assertNull(StepError.of(Map.of("retry_after", 1.5)).retryAfterMillis());
        assertNull(StepError.of(Map.of("retry_after", "1500")).retryAfterMillis());
        assertNull(StepError.of("no delay").retryAfterMillis());
    }

    @Test
    void theEnginesOwnErrorsKeepTheirFieldOrder() {
        assertEquals(List.of("message", "exception", "retryable?"),
                List.copyOf(StepError.thrown(new IllegalStateException("x")).json().keySet()));
        StepError commit = StepError.commitFailed(new RuntimeException("outer", new IllegalStateException("deadlock")));
        assertEquals("transactional step could not commit: deadlock", commit.message());
        assertEquals("java.lang.IllegalStateException", commit.json().get("type"));
        StepError timeout = StepError.timedOut("call", Duration.ofMillis(2500));
        assertEquals(List.of("message", "reason", "timeout_ms", "retryable?"), List.copyOf(timeout.json().keySet()));
        assertEquals("step call did not finish within 2500 ms", timeout.message());
        assertEquals(List.of("message", "reason", "field", "retryable?"),
                List.copyOf(StepError.refused("m", "reason", "output_not_storable", "field", "x").json().keySet()));
    }

    @Test
    void anErrorIsAValueNobodyChangesUnderneath() {
        Map<String, Object> given = new LinkedHashMap<>(Map.of("message", "m"));
        StepError error = StepError.of(given);
        given.put("message", "changed");
        assertEquals("m", error.message());
        assertThrows(UnsupportedOperationException.class, () -> error.json().put("x", 1));
        assertEquals(Map.of("message", "m", "x", 1), error.with("x", 1).json());
        assertEquals(Map.of("message", "m"), error.json());
    }

    @Test
    void whatTheDatabaseCannotStoreIsReducedBeforeItIsWritten() {
        assertEquals("a\uFFFDb", StepError.of("a\u0000b").storable().message());
    }

    @Test
    void aDispatchCauseIsJsonSafe() {
        assertEquals(Map.of("message", "broker down"), StepError.cause(new IllegalStateException("broker down")));
        assertEquals("queue_full", StepError.cause(new EnqueueException("queue_full")));
        assertEquals("as is", StepError.cause("as is"));
    }
}
