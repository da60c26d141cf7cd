package io.squidmesh.tools;

import java.util.Map;
import java.util.Objects;

/**
 * A successful tool call. The payload is plain maps, lists and scalars so a step can return it (or part
 * of it) as step output and have it persisted as JSON; metadata describes the call for logs and
 * inspection without mixing into the payload the step works with.
 *
 * @param adapter  class name of the adapter that produced it, so stored output says where it came from
 * @param payload  the adapter's normalized response
 * @param metadata facts about the call (for HTTP: method and url); empty when not given
 */
public record ToolResult(String adapter, Map<String, Object> payload, Map<String, Object> metadata)
        implements ToolOutcome {

    public ToolResult {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(payload, "payload");
        metadata = metadata == null ? Map.of() : metadata;
    }

    /** A result without metadata, for adapters that have nothing to say about the call itself. */
    public ToolResult(String adapter, Map<String, Object> payload) {
        this(adapter, payload, Map.of());
    }
}
