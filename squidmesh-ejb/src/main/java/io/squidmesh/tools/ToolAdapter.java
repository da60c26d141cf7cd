package io.squidmesh.tools;

import java.util.Map;

/**
 * One way of reaching an external system. Implementations translate their transport's responses and
 * failures into {@link ToolOutcome}s so that steps never depend on a client library's types, and
 * must not retry on their own: workflow retries, which are durable and visible, are the only retry layer.
 * <p>
 * Call adapters through {@link Tools#invoke}, which validates the arguments and turns a broken adapter
 * into a {@link ToolError} instead of a step crash.
 */
public interface ToolAdapter {

    /**
     * Performs one call.
     *
     * @param request what to do, in the adapter's own request vocabulary
     * @param context the caller's surroundings (run, step, ...) for adapters that need them
     * @return the outcome; never null
     */
    ToolOutcome invoke(Map<String, Object> request, Map<String, Object> context);
}
