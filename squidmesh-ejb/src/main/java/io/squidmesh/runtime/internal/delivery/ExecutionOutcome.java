package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.runtime.internal.StepError;
import java.time.Duration;
import java.util.Map;

/** What one attempt produced, before it is applied to the run. */
public sealed interface ExecutionOutcome {

    /** What the attempt came to, as its span says ({@code squidmesh.outcome}). */
    String label();

    /** Success; {@code scheduleIn} delays the successor (zero = at once), to the millisecond. */
    record Succeeded(Map<String, Object> output, Duration scheduleIn) implements ExecutionOutcome {
        @Override
        public String label() {
            return "succeeded";
        }

        public Succeeded {
            scheduleIn = scheduleIn == null || scheduleIn.isNegative() ? Duration.ZERO : scheduleIn;
        }

        /** A success whose successor goes at once. */
        public static Succeeded now(Map<String, Object> output) {
            return new Succeeded(output, Duration.ZERO);
        }
    }

    /**
     * Failure with the step's error ({@link StepError#retryable()} decides whether the retry policy applies), and the
     * exception the step threw, when it threw one (null otherwise): a transactional step that threw because the
     * database went away is delivered again rather than failed ({@link StepDelivery}).
     */
    record Failed(StepError error, Throwable thrown) implements ExecutionOutcome {
        @Override
        public String label() {
            return "failed";
        }


        /** A failure the step returned, or the engine decided. */
        public Failed(StepError error) {
            this(error, null);
        }
    }

    /** A pause or approval step: the run waits for an operator. */
    record Paused() implements ExecutionOutcome {
        @Override
        public String label() {
            return "paused";
        }

    }

    /** A batch step launched its job (or restarted it): the run waits for the execution to end. */
    record BatchStarted(long executionId) implements ExecutionOutcome {
        @Override
        public String label() {
            return "batch_started";
        }

    }

    /** A batch step's job is still running: look again later. */
    record StillRunning() implements ExecutionOutcome {
        @Override
        public String label() {
            return "batch_running";
        }

    }

    /** A transactional step whose success was applied in its own transaction. */
    record Applied() implements ExecutionOutcome {
        @Override
        public String label() {
            return "succeeded";
        }

    }

    /** The claim was taken over while the step ran: its result was ignored (a transactional step's work rolled back). */
    record Stale() implements ExecutionOutcome {
        @Override
        public String label() {
            return "stale";
        }

    }
}
