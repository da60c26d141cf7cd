package io.squidmesh.workflow.internal;

import io.squidmesh.workflow.FieldSpec;
import io.squidmesh.workflow.PayloadResolution;
import io.squidmesh.workflow.PayloadViolation;
import io.squidmesh.workflow.PayloadViolation.Problem;
import io.squidmesh.workflow.TriggerSpec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a run's payload against its trigger (SPEC §4.3): defaults fill absent fields, then the
 * result is checked. Violations come in the order missing (declaration order), unknown (sorted by
 * name), invalid type (declaration order).
 */
public final class PayloadContract {

    private PayloadContract() {
    }

    public static PayloadResolution resolve(TriggerSpec trigger, Map<String, Object> provided, Clock clock) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (FieldSpec field : trigger.fields()) {
            if (provided.containsKey(field.name())) {
                payload.put(field.name(), provided.get(field.name()));
            } else if (field.hasDefault()) {
                payload.put(field.name(), field.resolveDefault(clock));
            }
        }
        List<String> unknown = provided.keySet().stream()
                .filter(key -> trigger.field(key).isEmpty())
                .sorted()
                .toList();
        unknown.forEach(key -> payload.put(key, provided.get(key)));

        List<PayloadViolation> violations = new ArrayList<>();
        for (FieldSpec field : trigger.fields()) {
            if (field.required() && !payload.containsKey(field.name())) {
                violations.add(new PayloadViolation(field.name(), Problem.MISSING, null));
            }
        }
        unknown.forEach(key -> violations.add(new PayloadViolation(key, Problem.UNKNOWN, null)));
        for (FieldSpec field : trigger.fields()) {
            if (provided.containsKey(field.name()) && !ValueTypes.matches(field.type(), provided.get(field.name()))) {
                violations.add(new PayloadViolation(field.name(), Problem.INVALID_TYPE, field.type()));
            }
        }
        return new PayloadResolution(payload, List.copyOf(violations));
    }
}
