package io.squidmesh.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failed tool call, normalized so step code and the retry policy see one shape whatever the
 * transport. {@code retryable} is the adapter's judgement of whether the same request could succeed
 * later; the engine honours it by not retrying a step whose error says it is not.
 *
 * @param adapter   class name of the adapter the call went to
 * @param kind      the failure category
 * @param message   a human-readable summary
 * @param details   adapter-specific facts (status, body, reason...); empty when not given
 * @param retryable whether retrying the same request may succeed
 */
public record ToolError(String adapter, ToolErrorKind kind, String message, Map<String, Object> details,
                        boolean retryable) implements ToolOutcome {

    public ToolError {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : details;
    }

    /**
     * The error as a step returns it. The keys, including the literal {@code retryable?}, are those of
     * the original engine: the runtime reads {@code retryable?} to skip retries, and stored errors stay
     * comparable across runtimes.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("adapter", adapter);
        map.put("kind", kind.value());
        map.put("message", message);
        map.put("details", details);
        map.put("retryable?", retryable);
        return map;
    }
}
