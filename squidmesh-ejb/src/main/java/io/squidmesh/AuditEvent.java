package io.squidmesh;

import java.time.Instant;
import java.util.Map;

/**
 * A human or recovery decision in a run's history (SPEC §8): {@code paused}, {@code resumed},
 * {@code approved}, {@code rejected}, {@code compensation_routed} or {@code undo_routed}.
 */
public record AuditEvent(String type, String step, Object actor, String comment, Map<String, Object> metadata,
                         Instant at) {
}
