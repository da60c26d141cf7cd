package io.squidmesh.workflow;

import java.util.List;
import java.util.Map;

/**
 * A payload with defaults applied, and what is wrong with it (empty when it fits the contract).
 *
 * @param payload the payload with defaults applied
 * @param violations every field at fault; empty when the payload fits
 */
public record PayloadResolution(Map<String, Object> payload, List<PayloadViolation> violations) {

    /**
     * Whether the payload fits the contract.
     *
     * @return {@code true} when there are no violations
     */
    public boolean isValid() {
        return violations.isEmpty();
    }
}
