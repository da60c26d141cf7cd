package io.squidmesh.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's retry policy: at most {@code maxAttempts} attempts in all (the first included), with an
 * optional exponential {@link Backoff}; without one, retries are immediate.
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {

    public static RetryPolicy of(int maxAttempts) {
        return new RetryPolicy(maxAttempts, null);
    }

    public static RetryPolicy of(int maxAttempts, Backoff backoff) {
        return new RetryPolicy(maxAttempts, backoff);
    }

    /** Whether another attempt follows the {@code failedAttempt}-th failure (1-based). */
    public boolean retriesAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /** The delay before the attempt that follows the {@code failedAttempt}-th failure. */
    public long delayMillis(int failedAttempt) {
        return backoff == null ? 0 : backoff.delayMillis(failedAttempt);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("max_attempts", maxAttempts);
        if (backoff != null) {
            map.put("backoff", backoff.toMap());
        }
        return map;
    }
}
