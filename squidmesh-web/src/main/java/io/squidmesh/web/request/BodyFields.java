package io.squidmesh.web.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the members of a request body, collecting type errors in the shape payload errors have
 * ({@code {"field", "problem": "invalid_type", "expected"}}) so a client handles both the same way.
 */
final class BodyFields {

    private final Map<String, Object> body;
    private final List<Map<String, Object>> errors = new ArrayList<>();

    BodyFields(Map<String, Object> body) {
        this.body = body;
    }

    Object raw(String field) {
        return body.get(field);
    }

    /** The string, or null when absent or JSON null; another type is recorded as an error. */
    String string(String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        invalidType(field, "string");
        return null;
    }

    /** The object (as a map with string keys), or null when absent or JSON null. */
    Map<String, Object> object(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return copy(map);
        }
        invalidType(field, "object");
        return null;
    }

    /** The boolean, or false when absent or JSON null; another type (even the string "true") is an error. */
    boolean bool(String field) {
        Object value = body.get(field);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        invalidType(field, "boolean");
        return false;
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code fallback} when absent or JSON null. Anything
     * else (a fraction, a string, a number out of range, even one beyond a long) is an error naming the range.
     */
    long number(String field, long min, long max, long fallback) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= min
                && ((Number) value).longValue() <= max) {
            return ((Number) value).longValue();
        }
        invalidType(field, "integer from " + min + " to " + max);
        return fallback;
    }

    /** A run status by name, or null when absent; anything else is an error naming the statuses. */
    io.squidmesh.RunStatus status(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        return io.squidmesh.RunStatus.parse(value).orElseGet(() -> {
            invalidType(field, "run status");
            return null;
        });
    }

    List<Map<String, Object>> errors() {
        return List.copyOf(errors);
    }

    static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private void invalidType(String field, String expected) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("problem", "invalid_type");
        error.put("expected", expected);
        errors.add(error);
    }
}
