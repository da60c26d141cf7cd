package io.squidmesh.workflow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One reason a payload does not fit its trigger's contract: a required field is {@code missing}, a
 * provided key is {@code unknown}, a value has an {@code invalid_type} ({@code expected} names the
 * declared type), or a value is {@code not_storable} ({@code expected} says what the database accepts).
 *
 * @param field the field's key
 * @param problem what is wrong with it
 * @param expected the declared type for {@code invalid_type}, else {@code null}
 */
public record PayloadViolation(String field, Problem problem, String expected) {

    /** What is wrong with a field. */
    public enum Problem {
        /** A required field is absent. */
        MISSING,
        /** A provided key is not declared. */
        UNKNOWN,
        /** A value does not have the declared type. */
        INVALID_TYPE,
        /** A value the database cannot store (a string holding U+0000, a number JSON cannot write, a cycle). */
        NOT_STORABLE;

        /**
         * The name used in JSON.
         *
         * @return the lower-case name, e.g. {@code "invalid_type"}
         */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The form the REST API returns: {@code field}, {@code problem} and, if any, {@code expected}.
     *
     * @return a new map
     */
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
