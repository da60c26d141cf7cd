package io.squidmesh.runtime.internal.compensation;

import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code recovery.compensation} record of SPEC §6.12, through its one writer. */
class StepCompensationTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(2);

    private static StepRunEntity row(Map<String, Object> recovery) {
        return new StepRunEntity(UUID.randomUUID(), UUID.randomUUID(), "reserve", StepStatus.COMPLETED, Map.of(),
                recovery, T0);
    }

    @Test
    void aStepWithoutACompensationRecordHasNoStatus() {
        assertEquals(Optional.empty(), StepCompensation.status(row(null)));
        assertEquals(Optional.empty(), StepCompensation.status(row(Map.of("retry", Map.of()))));
        assertEquals(Optional.empty(), StepCompensation.status(row(Map.of("compensation", Map.of("status", "odd")))));
        assertEquals(Optional.empty(), StepCompensation.status(row(Map.of("compensation", "not a map"))));
    }

    @Test
    void aCallbackRunsThenCompletesKeepingWhatItStartedWith() {
        StepRunEntity row = row(Map.of("recovery_policy", "compensate"));
        StepCompensation.begin(row, "io.example.Release", T0);
        assertEquals(Optional.of(StepCompensation.Status.RUNNING), StepCompensation.status(row));
        StepCompensation.completed(row, Map.of("released", true), T1);
        assertEquals(Optional.of(StepCompensation.Status.COMPLETED), StepCompensation.status(row));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) row.getRecovery().get("compensation");
        assertEquals(List.of("callback", "status", "started_at", "output", "completed_at"), List.copyOf(record.keySet()));
        assertEquals("io.example.Release", record.get("callback"));
        assertEquals(T0.toString(), record.get("started_at"));
        assertEquals(T1.toString(), record.get("completed_at"));
        assertEquals("compensate", row.getRecovery().get("recovery_policy"), "the row's other recovery facts stay");
        assertEquals(T1, row.getUpdatedAt());
    }

    @Test
    void aFailedCallbackIsOwedAgainAndARedeliveryStartsItAfresh() {
        StepRunEntity row = row(null);
        StepCompensation.begin(row, "io.example.Release", T0);
        StepCompensation.failed(row, Map.of("message", "inventory down"), T1);
        @SuppressWarnings("unchecked")
        Map<String, Object> failed = (Map<String, Object>) row.getRecovery().get("compensation");
        assertEquals("failed", failed.get("status"));
        assertEquals(Map.of("message", "inventory down"), failed.get("error"));
        assertEquals(T1.toString(), failed.get("failed_at"));

        StepCompensation.begin(row, "io.example.Release", T1.plusSeconds(1));
        @SuppressWarnings("unchecked")
        Map<String, Object> again = (Map<String, Object>) row.getRecovery().get("compensation");
        assertEquals(List.of("callback", "status", "started_at"), List.copyOf(again.keySet()));
        assertEquals(Optional.of(StepCompensation.Status.RUNNING), StepCompensation.status(row));
    }
}
