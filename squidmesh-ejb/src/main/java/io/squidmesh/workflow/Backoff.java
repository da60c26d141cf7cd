package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.ValueTypes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential backoff between retries, in milliseconds: attempt n waits {@code min × 2^(n−1)}, capped at
 * {@code max} (1000/5000 gives 1000, 2000, 4000, 5000, ...). There is no jitter, as in the
 * original engine: delays are predictable and show in {@code explain_run}.
 *
 * @param minMillis the wait after the first failed attempt, in milliseconds
 * @param maxMillis the longest wait, in milliseconds
 */
public record Backoff(long minMillis, long maxMillis) {

    /** The backoff's {@code type} in its map form; the only type there is. */
    public static final String EXPONENTIAL = "exponential";

    /**
     * Exponential backoff from {@code minMillis} up to {@code maxMillis}; checked when the workflow is built.
     *
     * @param minMillis the wait after the first failed attempt, in milliseconds
     * @param maxMillis the longest wait, in milliseconds
     * @return the backoff
     */
    public static Backoff exponential(long minMillis, long maxMillis) {
        return new Backoff(minMillis, maxMillis);
    }

    /**
     * The delay after the {@code failedAttempt}-th failure (1-based).
     *
     * @param failedAttempt the number of the attempt that failed, from 1
     * @return the delay in milliseconds
     */
    public long delayMillis(int failedAttempt) {
        long delay = minMillis;
        for (int i = 1; i < failedAttempt && delay < maxMillis; i++) {
            delay = delay > maxMillis / 2 ? maxMillis : delay * 2;
        }
        return Math.min(delay, maxMillis);
    }

    /**
     * Whether the bounds make sense: a positive minimum no greater than the maximum.
     *
     * @return {@code true} when {@code minMillis > 0} and {@code maxMillis >= minMillis}
     */
    public boolean isValid() {
        return minMillis > 0 && maxMillis >= minMillis;
    }

    /**
     * The map form used in the normalized definition: {@code type}, {@code min} and {@code max}.
     *
     * @return a new map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", EXPONENTIAL);
        map.put("min", ValueTypes.jsonInteger(minMillis));
        map.put("max", ValueTypes.jsonInteger(maxMillis));
        return map;
    }
}
