package io.squidmesh.workflow.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Type checks for values decoded from JSON (payload fields, step schemas). Integers are not floats,
 * as in the original engine; {@code null} passes only {@code atom} and {@code any}; an unknown type
 * name accepts anything.
 */
public final class ValueTypes {

    private ValueTypes() {
    }

    public static boolean matches(String type, Object value) {
        return switch (type) {
            case "any" -> true;
            case "atom" -> value == null || value instanceof String || value instanceof Enum<?>;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte || value instanceof BigInteger;
            case "float" -> value instanceof Double || value instanceof Float || value instanceof BigDecimal;
            case "boolean" -> value instanceof Boolean;
            case "map" -> value instanceof Map<?, ?>;
            case "list" -> value instanceof List<?>;
            default -> true;
        };
    }

    /**
     * A whole number as a JSON reader gives it back ({@code Integer} when it fits, else {@code Long}), so
     * maps built for serialization compare equal to what they read back as.
     */
    public static Number jsonInteger(long value) {
        if (value == (int) value) {
            return Integer.valueOf((int) value); // not a conditional expression: it would promote to long
        }
        return Long.valueOf(value);
    }
}
