package io.squidmesh;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One execution try of a step (SPEC §7.3). {@code status} is running, completed or failed. */
public record StepAttempt(UUID id, int attemptNumber, String status, Map<String, Object> error,
                          Instant insertedAt, Instant updatedAt) {
}
