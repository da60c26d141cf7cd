package io.squidmesh.json;


import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a value can be stored in the engine's JSON columns on every supported database, decided before
 * anything is written, so that a value the database would refuse becomes one precise error instead of a write
 * that fails on every redelivery. Refused, with the path of the first offending value:
 * <ul>
 *   <li>U+0000 in a string or a key: PostgreSQL cannot store it in {@code jsonb} (nor in text); refused on every
 *       database so a workflow behaves the same on H2 and PostgreSQL;</li>
 *   <li>NaN and infinite numbers: JSON has no such numbers;</li>
 *   <li>a map or list that contains itself;</li>
 *   <li>keys that are not strings, and objects Jackson cannot write as JSON (e.g. {@code java.time.LocalDate}:
 *       the engine's JSON has no date type; pass an ISO-8601 string).</li>
 * </ul>
 * Maps, lists, arrays, strings, booleans, numbers and null are walked here; anything else is given to Jackson,
 * which writes plain beans and records as objects.
 */
public final class StorableJson {

    private StorableJson() {
    }

    /** The first problem of {@code value}, as {@code "<path>: <problem>"}, or empty when it can be stored. */
    public static Optional<String> problem(Object value, String path) {
        return check(value, path, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Optional<String> check(Object value, String path, Set<Object> open) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return Optional.empty();
        }
        if (value instanceof CharSequence text) {
            return text.toString().indexOf('\u0000') >= 0
                    ? Optional.of(path + ": the string holds the character U+0000, which PostgreSQL cannot store")
                    : Optional.empty();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? Optional.empty()
                    : Optional.of(path + ": " + number + " is not a JSON number");
        }
        if (value instanceof BigDecimal || value instanceof Number) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            if (!open.add(map)) {
                return Optional.of(path + ": the map contains itself");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return Optional.of(path + ": key " + entry.getKey() + " is not a string");
                }
                if (key.indexOf('\u0000') >= 0) {
                    return Optional.of(path + ": a key holds the character U+0000, which PostgreSQL cannot store");
                }
                Optional<String> problem = check(entry.getValue(), path + "." + key, open);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            open.remove(map);
            return Optional.empty();
        }
        if (value instanceof Collection<?> items) {
            if (!open.add(items)) {
                return Optional.of(path + ": the list contains itself");
            }
            int index = 0;
            for (Object item : items) {
                Optional<String> problem = check(item, path + "[" + index++ + "]", open);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            open.remove(items);
            return Optional.empty();
        }
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                Optional<String> problem = check(Array.get(value, i), path + "[" + i + "]", open);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        return jackson(value, path);
    }

    /**
     * A copy of an error or diagnostic value that can be stored: U+0000 becomes U+FFFD, NaN and infinities become
     * strings, a map or list that contains itself is cut at the repeat, and objects Jackson cannot write become
     * their {@code toString()}. For values the engine writes about a failure; step outputs and payloads are
     * refused with {@link #problem} instead, never altered.
     */
    public static Object sanitize(Object value) {
        return clean(value, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** {@link #sanitize} for a map, keeping its key order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> sanitizeMap(Map<String, Object> value) {
        return value == null ? null : (Map<String, Object>) sanitize(value);
    }

    private static Object clean(Object value, Set<Object> open) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return text.toString().replace('\u0000', '\uFFFD');
        }
        if (value instanceof Number number) {
            return Double.isFinite(number.doubleValue()) ? value : String.valueOf(number);
        }
        if (value instanceof Map<?, ?> map) {
            if (!open.add(map)) {
                return "(cycle)";
            }
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key).replace('\u0000', '\uFFFD'), clean(item, open)));
            open.remove(map);
            return copy;
        }
        if (value instanceof Collection<?> items) {
            if (!open.add(items)) {
                return "(cycle)";
            }
            java.util.List<Object> copy = new java.util.ArrayList<>();
            items.forEach(item -> copy.add(clean(item, open)));
            open.remove(items);
            return copy;
        }
        if (problem(value, "value").isEmpty()) {
            return value;
        }
        return String.valueOf(value).replace('\u0000', '\uFFFD');
    }

    /** A value the walk does not know: storable if Jackson writes it and what it writes is storable. */
    private static Optional<String> jackson(Object value, String path) {
        String type = value.getClass().getName();
        if (type.startsWith("java.time.") || value instanceof java.util.Date || value instanceof java.util.Calendar) {
            return Optional.of(path + ": " + type + " is not a JSON value (write dates and times as ISO-8601 strings)");
        }
        Object tree;
        try {
            tree = Json.mapper().convertValue(value, Object.class);
        } catch (IllegalArgumentException | StackOverflowError e) {
            return Optional.of(path + ": " + type + " cannot be written as JSON ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage())) + ")");
        }
        return tree == value ? Optional.empty() : check(tree, path, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
