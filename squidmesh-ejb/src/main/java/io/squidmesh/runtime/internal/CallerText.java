package io.squidmesh.runtime.internal;

import java.util.Optional;

/**
 * The rule for short texts callers choose and the engine keeps (run keys, event names, idempotency keys): not
 * blank, not longer than the column, no control characters (they would make logs and headers lie).
 */
public final class CallerText {

    private CallerText() {
    }

    /** What is wrong with {@code value}, or empty when it is acceptable. */
    public static Optional<String> problem(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (value.length() > maxLength) {
            return Optional.of("is " + value.length() + " characters long; at most " + maxLength + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("holds the control character U+%04X at position %d", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
