package io.squidmesh.workflow;

import java.util.List;
import java.util.Map;

/** A payload with defaults applied, and what is wrong with it (empty when it fits the contract). */
public record PayloadResolution(Map<String, Object> payload, List<PayloadViolation> violations) {

    public boolean isValid() {
        return violations.isEmpty();
    }
}
