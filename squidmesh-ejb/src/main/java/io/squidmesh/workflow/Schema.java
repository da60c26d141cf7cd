package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.ValueTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The declared input or output fields of a {@link Step} (SPEC §4.11). Only declared fields are checked;
 * extra keys are allowed.
 */
public final class Schema {

    public static final Schema NONE = new Schema(List.of());

    /** Field types; {@code ANY} accepts every value. */
    public enum Type {
        ANY, ATOM, BOOLEAN, FLOAT, INTEGER, LIST, MAP, STRING;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One declared field. */
    public record Field(String name, Type type, boolean isRequired) {

        public Field required() {
            return new Field(name, type, true);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", type.value());
            map.put("required", isRequired);
            return map;
        }
    }

    private final List<Field> fields;

    private Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    /** An optional field of this type; call {@link Field#required()} to require it. */
    public static Field field(String name, Type type) {
        return new Field(name, type, false);
    }

    public List<Field> fields() {
        return fields;
    }

    /**
     * The violations of {@code values}, by field: {@code "<side> field is required"} or
     * {@code "<side> field must be :<type>"}, where side is {@code input} or {@code output}.
     */
    public Map<String, String> violations(Map<String, Object> values, String side) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Field field : fields) {
            if (!values.containsKey(field.name())) {
                if (field.isRequired()) {
                    errors.put(field.name(), side + " field is required");
                }
            } else if (!ValueTypes.matches(field.type().value(), values.get(field.name()))) {
                errors.put(field.name(), side + " field must be :" + field.type().value());
            }
        }
        return errors;
    }

    /** The serializable form used in definition descriptions. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field field : fields) {
            map.put(field.name(), field.toMap());
        }
        return map;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.name() + ":" + f.type().value() + (f.isRequired() ? "!" : "")));
        return "Schema" + names;
    }
}
