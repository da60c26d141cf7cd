package io.squidmesh.runtime.internal;

import io.squidmesh.executor.EnqueueException;
import io.squidmesh.json.StorableJson;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step attempt failed with. The engine decides on two things only, {@link #retryable()} (whether the step's
 * retry policy applies) and {@link #retryAfterMillis()} (a delay that replaces the backoff); everything else is the
 * JSON stored in {@code last_error} and on the attempt (SPEC §4.11), whose shape the original fixes: a map a step
 * returned is kept as given, a string becomes {@code {message}}, an exception {@code {message, type}}, and
 * {@code retryable?} says what the retry decision was. The factories are the only writers of that shape.
 *
 * @param json the error as stored (insertion order kept, unmodifiable)
 */
public record StepError(Map<String, Object> json) {

    /** The stored key of the retry decision; absent means retryable. */
    public static final String RETRYABLE = "retryable?";
    private static final String RETRY_AFTER = "retry_after";
    private static final String MESSAGE = "message";

    public StepError {
        json = Collections.unmodifiableMap(new LinkedHashMap<>(json));
    }

    /**
     * What a step failed with, as given: a map kept (keys as strings), a string as {@code {message}}, an exception
     * as {@code {message, type}}, nothing as {@code step failed}. Without {@code retryable?} it is retryable.
     */
    public static StepError of(Object reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (reason instanceof StepError given) {
            error.putAll(given.json);
        } else if (reason instanceof Map<?, ?> map) {
            map.forEach((key, value) -> error.put(String.valueOf(key), value));
        } else if (reason instanceof Throwable throwable) {
            error.put(MESSAGE, message(throwable));
            error.put("type", throwable.getClass().getName());
        } else if (reason == null) {
            error.put(MESSAGE, "step failed");
        } else {
            error.put(MESSAGE, String.valueOf(reason));
        }
        return new StepError(error);
    }

    /** A failure the step declared terminal ({@code StepResult.Failure}): retries are skipped. */
    public static StepError terminal(Object reason) {
        return of(reason).with(RETRYABLE, false);
    }

    /**
     * A failure the step asked to retry ({@code StepResult.Retry}); {@code retryAfterMillis} (may be null) replaces
     * the backoff delay. A map that already says {@code retryable?: false} keeps it: it bypasses retries however it
     * was returned (SPEC §4.11), as a tool's 4xx error does.
     */
    public static StepError retryable(Object reason, Long retryAfterMillis) {
        Map<String, Object> error = new LinkedHashMap<>(of(reason).json);
        error.putIfAbsent(RETRYABLE, true);
        if (retryAfterMillis != null) {
            error.put(RETRY_AFTER, retryAfterMillis);
        }
        return new StepError(error);
    }

    /** An exception a step threw: {@code {message, exception: <class>, retryable?: false}}. */
    public static StepError thrown(Throwable throwable) {
        return refused(message(throwable), "exception", throwable.getClass().getName());
    }

    /** A transactional step whose transaction did not commit: retryable, with the deepest cause named. */
    public static StepError commitFailed(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new StepError(RuntimeError.ordered(MESSAGE, "transactional step could not commit: " + message(root),
                "type", root.getClass().getName(), RETRYABLE, true));
    }

    /** An attempt that overran its step's timeout: retryable, so the step's retry policy applies. */
    public static StepError timedOut(String step, Duration timeout) {
        return new StepError(RuntimeError.ordered(MESSAGE, "step " + step + " did not finish within "
                + timeout.toMillis() + " ms", "reason", "step_timeout", "timeout_ms", timeout.toMillis(), RETRYABLE, true));
    }

    /**
     * A failure the engine decided that retrying cannot mend (an invalid output, a missing child workflow...):
     * {@code {message, key1: value1, ..., retryable?: false}}.
     *
     * @param keysAndValues alternating keys and values, in the order they are stored
     */
    public static StepError refused(String message, Object... keysAndValues) {
        Map<String, Object> error = RuntimeError.ordered(MESSAGE, message);
        error.putAll(RuntimeError.ordered(keysAndValues));
        return new StepError(error).with(RETRYABLE, false);
    }

    /** Whether the step's retry policy applies: unless the error says {@code retryable?: false}. */
    public boolean retryable() {
        return !Boolean.FALSE.equals(json.get(RETRYABLE));
    }

    /** {@code retry_after} when it is a non-negative integer, else null (the backoff decides). */
    public Long retryAfterMillis() {
        return json.get(RETRY_AFTER) instanceof Number n && n.longValue() >= 0 && !(n instanceof Double)
                ? n.longValue() : null;
    }

    /** The message, for logs. */
    public String message() {
        return String.valueOf(json.get(MESSAGE));
    }

    /** This error with one more (or a replaced) stored field. */
    public StepError with(String key, Object value) {
        Map<String, Object> error = new LinkedHashMap<>(json);
        error.put(key, value);
        return new StepError(error);
    }

    /** This error reduced to what the database stores ({@link StorableJson#sanitize}). */
    public StepError storable() {
        return new StepError(StorableJson.sanitizeMap(json));
    }

    /** A cause reduced to a JSON-safe value: an executor's refusal is its reason, other exceptions their message. */
    static Object cause(Object cause) {
        if (cause instanceof EnqueueException e) {
            return e.reason();
        }
        if (cause instanceof Throwable t) {
            return Map.of(MESSAGE, message(t));
        }
        return cause;
    }

    private static String message(Throwable throwable) {
        String message = throwable.getMessage();
        return message == null ? throwable.getClass().getSimpleName() : message;
    }
}
