package io.squidmesh.runtime.internal;

import io.squidmesh.runtime.internal.recovery.ClaimLiveness;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the runtime itself records as a run's {@code last_error} when it cannot move the run on (SPEC §6.19): one
 * record per situation, each the one writer of its stored shape ({@link #json()}, keys in the order the original
 * writes them). A step's own failure is a {@link StepError}; these are the engine's.
 */
public sealed interface RuntimeError {

    /** The message of every failure to queue a run's next work. */
    String DISPATCH_FAILED = "failed to dispatch workflow step";

    /** The error as stored. */
    Map<String, Object> json();

    /** The error as a step attempt's failure (a waiting step whose next look could not be queued). */
    default StepError asStepError() {
        return StepError.of(json());
    }

    /**
     * The step the run moves to next, or looks at again, could not be queued: {@code {message, next_step, cause}}.
     *
     * @param cause the executor's refusal ({@link DispatchException#reason()})
     */
    record NextStepNotQueued(String nextStep, Object cause) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", DISPATCH_FAILED, "next_step", nextStep, "cause", cause);
        }
    }

    /** The target of a failed step's error route could not be queued: {@code {message, next_step, dispatch_reason}}. */
    record RouteNotQueued(String nextStep, Object dispatchReason) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", DISPATCH_FAILED, "next_step", nextStep, "dispatch_reason", dispatchReason);
        }
    }

    /** The steps a dependency-mode run made ready could not be queued: {@code {message, next_steps, dispatch_reason}}. */
    record ReadyStepsNotQueued(List<String> nextSteps, Object dispatchReason) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", DISPATCH_FAILED, "next_steps", nextSteps, "dispatch_reason", dispatchReason);
        }
    }

    /**
     * A failed step's retry could not be queued: {@code {message, failed_step, cause, dispatch_reason}}.
     *
     * @param cause what the step failed with
     */
    record RetryNotQueued(String failedStep, Map<String, Object> cause, Object dispatchReason) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", DISPATCH_FAILED, "failed_step", failedStep, "cause", cause,
                    "dispatch_reason", dispatchReason);
        }
    }

    /** A step completed but its workflow declares no {@code ok} transition from it. */
    record NoTransition(String failedStep) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "workflow step completed but next step resolution failed",
                    "failed_step", failedStep, "cause", ordered("from_step", failedStep, "outcome", "ok"));
        }
    }

    /** A dependency-mode step completed and nothing can run next although steps are still pending. */
    record NoRunnableStep(String failedStep, List<String> pendingSteps) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "workflow step completed but no runnable next step was found",
                    "failed_step", failedStep, "pending_steps", pendingSteps);
        }
    }

    /** The run did not end by its deadline: {@code {message, reason: run_deadline_exceeded, deadline_at}}. */
    record DeadlineExceeded(Instant deadline) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "run did not end by its deadline " + deadline,
                    "reason", "run_deadline_exceeded", "deadline_at", deadline.toString());
        }
    }

    /** A pause or approval step came due after its run had already ended: {@code {message, status}}. */
    record EndedBeforePause(String status) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "run already finalized before pause progression", "status", status);
        }
    }

    /** The run was cancelled while its batch step's job ran: {@code {message, reason: cancelled}}. */
    record CancelledDuringBatch() implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "run cancelled while its batch job ran", "reason", "cancelled");
        }
    }

    /** A step attempt nobody executes any more is failed so that a new one can start (its lease lapsed, its node went). */
    record TakenOver(ClaimLiveness.Verdict verdict, UUID leaseNode, Instant leaseUntil) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            Map<String, Object> error = ordered("message", switch (verdict) {
                case EXPIRED -> "step attempt taken over: its lease expired without renewal";
                case NODE_GONE -> "step attempt taken over: the node that ran it is gone";
                default -> "step attempt taken over: the delivery that ran it ended without recording a result";
            }, "reason", verdict.reason());
            if (leaseNode != null) {
                error.put("lease_node", leaseNode.toString());
            }
            if (leaseUntil != null) {
                error.put("lease_until", leaseUntil.toString());
            }
            return error;
        }
    }

    /** The run was cancelled while this pause or approval step waited for an operator. */
    record CancelledWhilePaused() implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "run cancelled while paused", "reason", "cancelled");
        }
    }

    /** The run was cancelled while this step waited for an external event. */
    record CancelledAwaitingEvent(String event) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "run cancelled while waiting for event " + event, "reason", "cancelled");
        }
    }

    /** The run was cancelled while this step waited for its child run (which is cancelled too). */
    record CancelledAwaitingChild(UUID childRunId) implements RuntimeError {
        @Override
        public Map<String, Object> json() {
            return ordered("message", "run cancelled while waiting for child run " + childRunId, "reason", "cancelled",
                    "child_run_id", childRunId.toString());
        }
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
