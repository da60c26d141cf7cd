package io.squidmesh.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed step never leaves its attempt running, and never rewrites an attempt that already ended. */
class StepRunEntityTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final Map<String, Object> ERROR = Map.of("message", "taken over", "reason", "lease_lapsed");

    private final StepRunEntity row = new StepRunEntity(UUID.randomUUID(), UUID.randomUUID(), "charge",
            StepStatus.RUNNING, Map.of(), null, T0);

    private StepAttemptEntity attempt(AttemptStatus status) {
        return new StepAttemptEntity(UUID.randomUUID(), row.getId(), 1, status, "d-1", T0);
    }

    @Test
    void aRunningAttemptFailsWithItsStep() {
        StepAttemptEntity running = attempt(AttemptStatus.RUNNING);
        assertTrue(row.failWithAttempt(running, ERROR, T1));
        assertEquals(StepStatus.FAILED, row.getStatus());
        assertEquals(ERROR, row.getLastError());
        assertEquals(AttemptStatus.FAILED, running.getStatus());
        assertEquals(ERROR, running.getError());
    }

    @Test
    void anAttemptThatEndedKeepsItsOutcome() {
        StepAttemptEntity ended = attempt(AttemptStatus.RUNNING);
        ended.finish(AttemptStatus.COMPLETED, null, T0.plusSeconds(1));
        assertFalse(row.failWithAttempt(ended, ERROR, T1));
        assertEquals(StepStatus.FAILED, row.getStatus());
        assertEquals(AttemptStatus.COMPLETED, ended.getStatus());
        assertNull(ended.getError());
    }

    @Test
    void aStepWithoutAttemptFailsAlone() {
        assertFalse(row.failWithAttempt(null, ERROR, T1));
        assertEquals(StepStatus.FAILED, row.getStatus());
        assertEquals(ERROR, row.getLastError());
    }
}
