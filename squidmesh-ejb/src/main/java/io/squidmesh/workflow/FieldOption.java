package io.squidmesh.workflow;

import java.util.Map;

/** An option of a payload field: see {@link Workflows#optional()}, {@link Workflows#defaultValue(Object)}. */
public final class FieldOption {

    /** Option key of whether the field is required. */
    public static final String REQUIRED = "required";
    /** Option key of the field's default value. */
    public static final String DEFAULT = "default";

    private final String key;
    private final Object value;

    FieldOption(String key, Object value) {
        this.key = key;
        this.value = value;
    }

    void applyTo(Map<String, Object> options) {
        options.put(key, value);
    }
}
