package io.squidmesh;

import io.squidmesh.workflow.PayloadViolation;
import io.squidmesh.workflow.PayloadViolation.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The payload does not fit the trigger's contract ({@code invalid_payload}). {@link #violations()} names
 * every field at fault; {@link #details()} has the original engine's shape
 * ({@code missing_fields}, {@code unknown_fields}, {@code invalid_types}) plus {@code errors}, the same
 * list the REST API returns.
 */
public class InvalidPayloadException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    private final transient List<PayloadViolation> violations;

    /**
     * A payload that breaks the trigger's contract.
     *
     * @param workflow the workflow's name
     * @param trigger the trigger's name
     * @param violations every field at fault
     */
    public InvalidPayloadException(String workflow, String trigger, List<PayloadViolation> violations) {
        super("invalid_payload", "payload for " + workflow + " (trigger " + trigger + ") is invalid: "
                + violations.stream().map(v -> v.field() + " " + v.problem().value()
                + (v.expected() == null ? "" : " (expected " + v.expected() + ")")).collect(Collectors.joining(", ")),
                details(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * For payloads that are not a JSON object at all.
     *
     * @param message what is wrong with the payload
     */
    public InvalidPayloadException(String message) {
        super("invalid_payload", message, Map.of("reason", "expected_map", "errors", List.of()));
        this.violations = List.of();
    }

    /**
     * Every field at fault; empty when the payload was not a JSON object.
     *
     * @return the violations, never {@code null}
     */
    public List<PayloadViolation> violations() {
        return violations == null ? List.of() : violations;
    }

    private static Map<String, Object> details(List<PayloadViolation> violations) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> missing = names(violations, Problem.MISSING);
        List<String> unknown = names(violations, Problem.UNKNOWN);
        Map<String, Object> invalid = new LinkedHashMap<>();
        violations.stream().filter(v -> v.problem() == Problem.INVALID_TYPE)
                .forEach(v -> invalid.put(v.field(), v.expected()));
        if (!missing.isEmpty()) {
            details.put("missing_fields", missing);
        }
        if (!unknown.isEmpty()) {
            details.put("unknown_fields", unknown);
        }
        if (!invalid.isEmpty()) {
            details.put("invalid_types", invalid);
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        violations.forEach(v -> errors.add(v.toMap()));
        details.put("errors", errors);
        return details;
    }

    private static List<String> names(List<PayloadViolation> violations, Problem problem) {
        return violations.stream().filter(v -> v.problem() == problem).map(PayloadViolation::field).toList();
    }
}
