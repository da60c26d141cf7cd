package io.squidmesh.workflow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated payload field. {@code type} is the type name ({@code string}, {@code integer}, ...; an
 * unknown name accepts any value); {@code defaultValue} is a literal, a {@link DynamicDefault} or null.
 */
public record FieldSpec(String name, String type, boolean required, boolean hasDefault, Object defaultValue) {

    /** The default as it applies to a run created now. */
    public Object resolveDefault(Clock clock) {
        return defaultValue instanceof DynamicDefault dynamic ? dynamic.resolve(clock) : defaultValue;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("type", type);
        map.put("required", required);
        if (hasDefault) {
            map.put("default", defaultValue instanceof DynamicDefault dynamic
                    ? Map.of("dynamic", dynamic.value(), "format", "iso8601") : defaultValue);
        }
        return map;
    }
}
