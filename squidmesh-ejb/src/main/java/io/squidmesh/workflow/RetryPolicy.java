package io.squidmesh.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's retry policy: at most {@code maxAttempts} attempts in all (the first included), with an
 * optional exponential {@link Backoff}; without one, retries are immediate.
 *
 * @param maxAttempts the most attempts in all, the first included
 * @param backoff the wait between attempts, or {@code null} for none
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {

    /**
     * Immediate retries.
     *
     * @param maxAttempts the most attempts in all
     * @return the policy
     */
    public static RetryPolicy of(int maxAttempts) {
        return new RetryPolicy(maxAttempts, null);
    }

    /**
     * Retries with backoff.
     *
     * @param maxAttempts the most attempts in all
     * @param backoff the wait between attempts, or {@code null} for none
     * @return the policy
     */
    public static RetryPolicy of(int maxAttempts, Backoff backoff) {
        return new RetryPolicy(maxAttempts, backoff);
    }

    /**
     * Whether another attempt follows the {@code failedAttempt}-th failure (1-based).
     *
     * @param failedAttempt the number of the attempt that failed, from 1
     * @return {@code true} while {@code failedAttempt < maxAttempts}
     */
    public boolean retriesAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /**
     * The delay before the attempt that follows the {@code failedAttempt}-th failure.
     *
     * @param failedAttempt the number of the attempt that failed, from 1
     * @return the delay in milliseconds; 0 without a backoff
     */
    public long delayMillis(int failedAttempt) {
        return backoff == null ? 0 : backoff.delayMillis(failedAttempt);
    }

    /**
     * The map form used in the normalized definition: {@code max_attempts} and, if any, {@code backoff}.
     *
     * @return a new map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("max_attempts", maxAttempts);
        if (backoff != null) {
            map.put("backoff", backoff.toMap());
        }
        return map;
    }
}
