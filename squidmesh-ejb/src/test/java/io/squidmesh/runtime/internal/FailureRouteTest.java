package io.squidmesh.runtime.internal;

import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The route a failed step took, kept in its row's recovery record beside the policy snapshot. */
class FailureRouteTest {

    private final StepRunEntity row = new StepRunEntity(UUID.randomUUID(), UUID.randomUUID(), "charge",
            StepStatus.FAILED, Map.of(), Map.of("irreversible", false), Instant.parse("2026-12-08T00:00:00Z"));

    @Test
    void aRecordedRouteIsReadBackAndThePolicySnapshotKept() {
        new FailureRoute("compensation", "refund").recordOn(row);

        assertEquals(Optional.of(new FailureRoute("compensation", "refund")), FailureRoute.of(row));
        assertEquals(false, row.getRecovery().get("irreversible"), "the rest of the record stays");
        assertEquals(Map.of("strategy", "compensation", "target", "refund"), row.getRecovery().get("failure"));
    }

    @Test
    void aRowWithoutARouteOrWithOneThisEngineDidNotWriteHasNone() {
        assertEquals(Optional.empty(), FailureRoute.of(row));
        row.setRecovery(Map.of("failure", Map.of("strategy", "compensation")));
        assertEquals(Optional.empty(), FailureRoute.of(row), "no target");
        row.setRecovery(null);
        assertEquals(Optional.empty(), FailureRoute.of(row));
    }
}
