package io.squidmesh.workflow;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The outcome of one step attempt. */
public sealed interface StepResult permits StepResult.Ok, StepResult.Failure, StepResult.Retry {

    /**
     * Success. {@code scheduleIn}, when positive, delays the dispatch of the next step(s), to the millisecond
     * (a JMS delivery delay).
     *
     * @param output the step's output; {@code null} means empty
     * @param scheduleIn the delay before the next step(s), or {@code null} for none
     */
    record Ok(Map<String, Object> output, Duration scheduleIn) implements StepResult {
        /**
         * Replaces a {@code null} output with an empty map.
         *
         * @param output the step's output; {@code null} means empty
         * @param scheduleIn the delay before the next step(s), or {@code null} for none
         */
        public Ok {
            output = output == null ? Map.of() : output;
        }
    }

    /**
     * Terminal failure: the retry policy is skipped and failure routing applies at once.
     *
     * @param reason a map, a string or an exception; see {@link #error(Object)}
     */
    record Failure(Object reason) implements StepResult {
    }

    /**
     * Retryable failure, governed by the step's retry policy; {@code retryAfter} replaces the computed
     * backoff for the next attempt.
     *
     * @param reason a map, a string or an exception
     * @param retryAfter the wait before the next attempt, or {@code null} for the computed backoff
     */
    record Retry(Object reason, Duration retryAfter) implements StepResult {
    }

    /**
     * Success with no output.
     *
     * @return the result
     */
    static Ok ok() {
        return new Ok(Map.of(), null);
    }

    /**
     * Success; {@code output} joins the run context (under the step's {@code output} key, if declared).
     *
     * @param output the step's output
     * @return the result
     */
    static Ok ok(Map<String, Object> output) {
        return new Ok(output, null);
    }

    /**
     * Success, delaying the dispatch of the next step(s) by {@code scheduleIn}.
     *
     * @param output the step's output
     * @param scheduleIn the delay; not {@code null}
     * @return the result
     */
    static Ok ok(Map<String, Object> output, Duration scheduleIn) {
        return new Ok(output, Objects.requireNonNull(scheduleIn, "scheduleIn"));
    }

    /**
     * A terminal failure. A map reason is stored as given (plus {@code retryable?: false}); a string
     * becomes {@code {message}}; an exception becomes {@code {message, type}}.
     *
     * @param reason a map, a string or an exception
     * @return the result
     */
    static Failure error(Object reason) {
        return new Failure(reason);
    }

    /**
     * A retryable failure, retried under the step's retry policy.
     *
     * @param reason a map, a string or an exception
     * @return the result
     */
    static Retry retry(Object reason) {
        return new Retry(reason, null);
    }

    /**
     * A retryable failure whose next attempt waits {@code retryAfter} instead of the computed backoff.
     *
     * @param reason a map, a string or an exception
     * @param retryAfter the wait; not {@code null}
     * @return the result
     */
    static Retry retry(Object reason, Duration retryAfter) {
        return new Retry(reason, Objects.requireNonNull(retryAfter, "retryAfter"));
    }
}
