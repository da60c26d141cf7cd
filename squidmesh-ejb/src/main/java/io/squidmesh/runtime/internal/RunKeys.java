package io.squidmesh.runtime.internal;

import io.squidmesh.InvalidRunKeyException;
import io.squidmesh.StartOptions;
import io.squidmesh.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of run keys (idempotent starts, {@link StartOptions}): which keys are accepted, and the digest that
 * tells a repeated request from a different one under the same key.
 */
final class RunKeys {

    private RunKeys() {
    }

    /** The key as given, or an {@code invalid_run_key} error saying what is wrong with it. Null stays null. */
    static String validate(String key) {
        if (key == null) {
            return null;
        }
        CallerText.problem(key, StartOptions.MAX_KEY_LENGTH).ifPresent(why -> {
            throw new InvalidRunKeyException(why);
        });
        return key;
    }

    /**
     * The digest of a start request as the caller sent it (trigger and payload, before defaults are applied, so
     * a default of {@code today} does not make a repeat look different): SHA-256 over a canonical JSON form in
     * which object keys are sorted and values that are not JSON are written as their type and text.
     */
    static String digest(String trigger, Map<String, Object> payload) {
        Map<String, Object> request = new TreeMap<>();
        request.put("payload", canonical(payload));
        request.put("trigger", trigger);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Object canonical(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float
                    ? Double.valueOf(number.doubleValue()) : new java.math.BigDecimal(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof Collection<?> list) {
            ArrayList<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(canonical(item)));
            return items;
        }
        return value.getClass().getName() + ":" + value;
    }
}
