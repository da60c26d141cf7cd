package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.ValueTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The declared input or output fields of a {@link Step}. Only declared fields are checked;
 * extra keys are allowed.
 */
public final class Schema {

    /** No declared fields: every map is valid. */
    public static final Schema NONE = new Schema(List.of());

    /** Field types; {@code ANY} accepts every value. */
    public enum Type {
        /** Any value, {@code null} included. */
        ANY,
        /** A string, an enum constant or {@code null} (the original engine's atoms). */
        ATOM,
        /** A boolean. */
        BOOLEAN,
        /** A floating-point or decimal number. */
        FLOAT,
        /** A whole number. */
        INTEGER,
        /** A list. */
        LIST,
        /** A map. */
        MAP,
        /** A string. */
        STRING;

        /**
         * The type's name as declared and reported.
         *
         * @return the lower-case name, e.g. {@code "string"}
         */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One declared field.
     *
     * @param name the field's key
     * @param type the field's type
     * @param isRequired whether the key must be present
     */
    public record Field(String name, Type type, boolean isRequired) {

        /**
         * This field, required.
         *
         * @return a required copy
         */
        public Field required() {
            return new Field(name, type, true);
        }

        /**
         * The serializable form: {@code type} and {@code required}.
         *
         * @return a new map
         */
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

    /**
     * A schema of these fields.
     *
     * @param fields the declared fields
     * @return the schema
     */
    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    /**
     * An optional field of this type; call {@link Field#required()} to require it.
     *
     * @param name the field's key
     * @param type the field's type
     * @return the field
     */
    public static Field field(String name, Type type) {
        return new Field(name, type, false);
    }

    /**
     * The declared fields.
     *
     * @return the fields, in declaration order
     */
    public List<Field> fields() {
        return fields;
    }

    /**
     * The violations of {@code values}, by field: {@code "<side> field is required"} or
     * {@code "<side> field must be :<type>"}, where side is {@code input} or {@code output}.
     *
     * @param values the step's input or output
     * @param side {@code input} or {@code output}, for the messages
     * @return each field at fault mapped to its message; empty when all is well
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

    /**
     * The serializable form used in definition descriptions.
     *
     * @return each field's name mapped to its {@link Field#toMap()}
     */
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
