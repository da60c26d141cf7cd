package io.squidmesh.runtime.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code last_error} maps the runtime itself writes (SPEC §6.19), keys in the order the original writes them. */
public final class RuntimeErrors {

    public static final String DISPATCH_FAILED = "failed to dispatch workflow step";

    private RuntimeErrors() {
    }

    /** {@code {message, key1: value1, ...}}. */
    public static Map<String, Object> of(String message, Object... keysAndValues) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.putAll(fields(keysAndValues));
        return error;
    }

    /** An ordered map from alternating keys and values. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
