package io.squidmesh.workflow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated payload field. {@code type} is the type name ({@code string}, {@code integer}, ...; an
 * unknown name accepts any value); {@code defaultValue} is a literal, a {@link DynamicDefault} or null.
 *
 * @param name the field's key
 * @param type the type name
 * @param required whether the payload must contain the field
 * @param hasDefault whether a default was declared (it may be {@code null})
 * @param defaultValue the default, if any
 */
public record FieldSpec(String name, String type, boolean required, boolean hasDefault, Object defaultValue) {

    /**
     * The default as it applies to a run created now.
     *
     * @param clock the clock a dynamic default is read from
     * @return the literal default, or the dynamic one resolved
     */
    public Object resolveDefault(Clock clock) {
        return defaultValue instanceof DynamicDefault dynamic ? dynamic.resolve(clock) : defaultValue;
    }

    /**
     * The serializable form used in definition descriptions: {@code name}, {@code type}, {@code required}
     * and, if declared, {@code default}.
     *
     * @return a new map
     */
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
