package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.PayloadContract;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated trigger with its payload contract; {@code cronExpression}/{@code timezone} are null for manual ones. */
public record TriggerSpec(String name, TriggerType type, String cronExpression, String timezone,
                          List<FieldSpec> fields) {

    /**
     * The payload field of this name.
     *
     * @param name the field's key
     * @return the field, or empty when the contract has none of that name
     */
    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Applies defaults for absent fields (caller values win), then checks the result against the
     * contract: missing required fields, unknown keys, values of the wrong type.
     *
     * @param provided the payload as given
     * @param clock the clock dynamic defaults are read from
     * @return the payload with defaults applied, and its violations
     */
    public PayloadResolution resolve(Map<String, Object> provided, Clock clock) {
        return PayloadContract.resolve(this, provided, clock);
    }

    /**
     * The serializable form: {@code name}, {@code type}, {@code config} (expression and time zone for cron)
     * and {@code payload}.
     *
     * @return a new map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("type", type.value());
        Map<String, Object> config = new LinkedHashMap<>();
        if (type == TriggerType.CRON) {
            config.put("expression", cronExpression);
            config.put("timezone", timezone);
        }
        map.put("config", config);
        map.put("payload", fields.stream().map(FieldSpec::toMap).toList());
        return map;
    }
}
