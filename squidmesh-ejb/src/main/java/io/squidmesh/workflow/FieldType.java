package io.squidmesh.workflow;

import java.util.Locale;

/**
 * The type of a trigger payload field; {@link #value()} is the name used in JSON and messages. A start whose
 * payload has a value of another type is refused with {@code invalid_payload}, and nothing is written.
 * <p>
 * The payload is stored as JSON and read back before a step sees it, so a step receives each value as its JSON
 * form reads, whatever Java type the caller of {@code startRun} passed: each constant names what it accepts and
 * what a step then receives. Read numbers through {@link Number} ({@code ((Number) v).longValue()}).
 */
public enum FieldType {
    /** A string: accepts a {@code String}; a step receives a {@code String}. */
    STRING,
    /**
     * A whole number: accepts {@code Integer}, {@code Long}, {@code Short}, {@code Byte} or {@code BigInteger} (a
     * JSON number without fraction or exponent); a step receives an {@code Integer} when the value fits in 32 bits,
     * else a {@code Long}, else a {@code BigInteger}.
     */
    INTEGER,
    /**
     * A number with a fraction: accepts {@code Double}, {@code Float} or {@code BigDecimal} (a JSON number with a
     * fraction or an exponent: {@code 2.0}, not {@code 2}); a step receives a {@code Double}.
     */
    FLOAT,
    /** A boolean: accepts a {@code Boolean}; a step receives a {@code Boolean}. */
    BOOLEAN,
    /**
     * A JSON object: accepts a {@code Map}; a step receives a {@code Map<String, Object>} whose values follow these
     * same rules.
     */
    MAP,
    /**
     * A JSON array: accepts a {@code List}; a step receives a {@code List<Object>} whose elements follow these same
     * rules.
     */
    LIST,
    /**
     * An enum-like symbol: accepts a {@code String}, an {@code Enum} constant or {@code null}, as the original
     * engine's atoms; a step receives a {@code String} (an enum constant's {@code name()}) or {@code null}.
     */
    ATOM;

    /**
     * The name used in JSON and messages.
     *
     * @return the lower-case name, e.g. {@code "string"}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
