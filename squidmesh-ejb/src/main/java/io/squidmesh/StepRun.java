package io.squidmesh;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable record of one declared step inside a run (SPEC §7.2). {@code status} is pending,
 * running, completed or failed; {@code attempts} are ordered by attempt number.
 */
public record StepRun(UUID id, String step, String status, Map<String, Object> input, Map<String, Object> output,
                      Map<String, Object> lastError, Map<String, Object> recovery, List<StepAttempt> attempts,
                      Instant insertedAt, Instant updatedAt) {
}
