package io.squidmesh;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operator says when unblocking, approving or rejecting a run (SPEC §6.9): who ({@code actor}, a
 * non-empty string or map), why ({@code comment}, a non-empty string) and any {@code metadata} (a map).
 * Values are checked by the call that receives them, which reports each wrong one by name.
 * <p>
 * The audit trail records the authenticated caller as the actor; an {@code actor} given here is used only
 * when there is none (host code calling through a {@code @RunAs} bean), so the trail cannot be forged.
 *
 * @param actor who acts: a non-empty string or map, or {@code null}
 * @param comment why: a non-empty string, or {@code null}
 * @param metadata any further detail: a map, or {@code null}
 */
public record ManualAction(Object actor, Object comment, Object metadata) {

    /**
     * An action with no actor, comment or metadata.
     *
     * @return an empty action
     */
    public static ManualAction none() {
        return new ManualAction(null, null, null);
    }

    /**
     * An action by this actor, without comment or metadata.
     *
     * @param actor a non-empty string or map
     * @return a new action
     */
    public static ManualAction by(Object actor) {
        return new ManualAction(actor, null, null);
    }

    /**
     * This action with a comment.
     *
     * @param comment why the action is taken
     * @return a new action
     */
    public ManualAction comment(String comment) {
        return new ManualAction(actor, comment, metadata);
    }

    /**
     * This action with metadata.
     *
     * @param metadata any further detail
     * @return a new action
     */
    public ManualAction metadata(Map<String, Object> metadata) {
        return new ManualAction(actor, comment, metadata);
    }

    /**
     * From a JSON object: reads {@code actor}, {@code comment} and {@code metadata}; other keys are ignored.
     *
     * @param attributes the JSON object, or {@code null} for an empty action
     * @return the action
     */
    public static ManualAction fromMap(Map<String, Object> attributes) {
        Map<String, Object> attrs = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
        return new ManualAction(attrs.get("actor"), attrs.get("comment"), attrs.get("metadata"));
    }
}
