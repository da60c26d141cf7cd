package io.squidmesh.runtime.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns whatever a step failed with into the error map stored in {@code last_error} (SPEC §4.11): a map
 * is kept as given, a string becomes {@code {message}}, an exception becomes {@code {message, type}}.
 * Terminal failures are marked {@code retryable?: false}, retries {@code retryable?: true}.
 */
public final class StepErrors {

    public static final String RETRYABLE = "retryable?";

    private StepErrors() {
    }

    public static Map<String, Object> normalize(Object reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (reason instanceof Map<?, ?> map) {
            map.forEach((key, value) -> error.put(String.valueOf(key), value));
        } else if (reason instanceof Throwable throwable) {
            error.put("message", message(throwable));
            error.put("type", throwable.getClass().getName());
        } else if (reason == null) {
            error.put("message", "step failed");
        } else {
            error.put("message", String.valueOf(reason));
        }
        return error;
    }

    /** A terminal failure: retries are skipped. */
    public static Map<String, Object> terminal(Object reason) {
        Map<String, Object> error = normalize(reason);
        error.put(RETRYABLE, false);
        return error;
    }

    /**
     * A retryable failure; {@code retryAfterMillis} (may be null) replaces the backoff delay. An error map that
     * already says {@code retryable?: false} keeps it: it bypasses retries however it was returned (SPEC §4.11),
     * as a tool's 4xx error does.
     */
    public static Map<String, Object> retryable(Object reason, Long retryAfterMillis) {
        Map<String, Object> error = normalize(reason);
        error.putIfAbsent(RETRYABLE, true);
        if (retryAfterMillis != null) {
            error.put("retry_after", retryAfterMillis);
        }
        return error;
    }

    /** An exception thrown by a step: {@code {message, exception: <class>, retryable?: false}}. */
    public static Map<String, Object> thrown(Throwable throwable) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message(throwable));
        error.put("exception", throwable.getClass().getName());
        error.put(RETRYABLE, false);
        return error;
    }

    /** A transactional step whose transaction did not commit: retryable, with the deepest cause named. */
    public static Map<String, Object> commitFailed(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "transactional step could not commit: " + message(root));
        error.put("type", root.getClass().getName());
        error.put(RETRYABLE, true);
        return error;
    }

    /** An attempt that overran its step's timeout: retryable, so the step's retry policy applies. */
    public static Map<String, Object> timedOut(String step, java.time.Duration timeout) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "step " + step + " did not finish within " + timeout.toMillis() + " ms");
        error.put("reason", "step_timeout");
        error.put("timeout_ms", timeout.toMillis());
        error.put(RETRYABLE, true);
        return error;
    }

    public static boolean isRetryable(Map<String, Object> error) {
        return !Boolean.FALSE.equals(error.get(RETRYABLE));
    }

    /** {@code retry_after} when it is a non-negative integer, else null. */
    public static Long retryAfter(Map<String, Object> error) {
        return error.get("retry_after") instanceof Number n && n.longValue() >= 0 && !(n instanceof Double)
                ? n.longValue() : null;
    }

    /** A cause reduced to a JSON-safe value: exceptions become their message. */
    public static Object cause(Object cause) {
        if (cause instanceof io.squidmesh.executor.EnqueueException e) {
            return e.reason();
        }
        if (cause instanceof Throwable t) {
            return Map.of("message", message(t));
        }
        return cause;
    }

    private static String message(Throwable throwable) {
        String message = throwable.getMessage();
        return message == null ? throwable.getClass().getSimpleName() : message;
    }
}
