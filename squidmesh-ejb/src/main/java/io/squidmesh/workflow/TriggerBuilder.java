package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.Declarations.FieldDecl;
import io.squidmesh.workflow.internal.Declarations.TriggerDecl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way to start a workflow, with its own payload contract. Built with {@link Workflows#manual(String)}
 * or {@link Workflows#cron(String, String, String)}; fields are required unless marked
 * {@link Workflows#optional()} or given a default.
 */
public final class TriggerBuilder {

    private final String name;
    private final List<String> types = new ArrayList<>();
    private final List<FieldDecl> fields = new ArrayList<>();
    private String cronExpression;
    private String timezone;

    TriggerBuilder(String name) {
        this.name = name;
    }

    /**
     * Makes this a manual trigger, started through the API.
     *
     * @return this builder
     */
    public TriggerBuilder manual() {
        types.add(TriggerType.MANUAL.value());
        return this;
    }

    /**
     * A cron schedule (five-field UNIX syntax or a nickname such as {@code @daily}) in a time zone.
     *
     * @param expression the cron expression or nickname
     * @param timezone the IANA time zone
     * @return this builder
     */
    public TriggerBuilder cron(String expression, String timezone) {
        types.add(TriggerType.CRON.value());
        this.cronExpression = expression;
        this.timezone = timezone;
        return this;
    }

    /**
     * Declares a type by name; only {@code manual} and {@code cron} exist.
     *
     * @param type the type's name
     * @return this builder
     */
    public TriggerBuilder type(String type) {
        types.add(type);
        return this;
    }

    /**
     * A payload field, required unless an option says otherwise.
     *
     * @param name the field's key
     * @param type the field's type
     * @param options e.g. {@link Workflows#optional()} or {@link Workflows#defaultValue(Object)}
     * @return this builder
     */
    public TriggerBuilder field(String name, FieldType type, FieldOption... options) {
        return addField(name, type, options);
    }

    /**
     * A field with a type given by name; an unknown type name accepts any value.
     *
     * @param name the field's key
     * @param type the type's name, e.g. {@code "string"}
     * @param options e.g. {@link Workflows#optional()} or {@link Workflows#defaultValue(Object)}
     * @return this builder
     */
    public TriggerBuilder field(String name, String type, FieldOption... options) {
        return addField(name, type, options);
    }

    private TriggerBuilder addField(String name, Object type, FieldOption... options) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldOption option : options) {
            option.applyTo(values);
        }
        fields.add(new FieldDecl(name, type, values));
        return this;
    }

    TriggerDecl declaration() {
        return new TriggerDecl(name, List.copyOf(types), cronExpression, timezone, List.copyOf(fields));
    }
}
