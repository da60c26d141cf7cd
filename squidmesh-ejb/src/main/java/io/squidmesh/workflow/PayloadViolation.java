package io.squidmesh.workflow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One reason a payload does not fit its trigger's contract: a required field is {@code missing}, a
 * provided key is {@code unknown}, or a value has an {@code invalid_type} ({@code expected} names the
 * declared type).
 */
public record PayloadViolation(String field, Problem problem, String expected) {

    public enum Problem {
        MISSING, UNKNOWN, INVALID_TYPE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("field", field);
        map.put("problem", problem.value());
        if (expected != null) {
            map.put("expected", expected);
        }
        return map;
    }
}
