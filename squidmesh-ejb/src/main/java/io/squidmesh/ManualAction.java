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
 */
public record ManualAction(Object actor, Object comment, Object metadata) {

    public static ManualAction none() {
        return new ManualAction(null, null, null);
    }

    public static ManualAction by(Object actor) {
        return new ManualAction(actor, null, null);
    }

    public ManualAction comment(String comment) {
        return new ManualAction(actor, comment, metadata);
    }

    public ManualAction metadata(Map<String, Object> metadata) {
        return new ManualAction(actor, comment, metadata);
    }

    /** From a JSON object: reads {@code actor}, {@code comment} and {@code metadata}; other keys are ignored. */
    public static ManualAction fromMap(Map<String, Object> attributes) {
        Map<String, Object> attrs = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
        return new ManualAction(attrs.get("actor"), attrs.get("comment"), attrs.get("metadata"));
    }
}
