package io.squidmesh.runtime;

import io.squidmesh.SquidMeshException;

import java.util.Map;

/**
 * A delivery the engine cannot perform now but may later ({@code delivery_deferred}); nothing was changed.
 * Executors deliver the payload again after a delay, a bounded number of times, and then do what
 * {@link #reason()} says: dead-letter it (with the message as the reason) or discard it.
 */
public class DeliveryDeferredException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /** Why a delivery was deferred, and what to do once retrying it is exhausted. */
    public enum Reason {
        /**
         * The run's row is not visible (yet): a message can arrive before the transaction that wrote the run
         * finished committing on the database, or the run was purged. Discard when exhausted.
         */
        UNKNOWN_RUN("unknown_run", false),
        /** The run's workflow is not deployed on this node (a rolling upgrade in progress). Dead-letter when exhausted. */
        UNKNOWN_WORKFLOW("unknown_workflow", true),
        /** The workflow deployed here does not declare the step (a rolling upgrade in progress). Dead-letter when exhausted. */
        UNKNOWN_STEP("unknown_step", true);

        private final String value;
        private final boolean deadLetter;

        Reason(String value, boolean deadLetter) {
            this.value = value;
            this.deadLetter = deadLetter;
        }

        /** The reason as it appears in logs and in the dead-letter queue. */
        public String value() {
            return value;
        }

        /** Whether the payload belongs in the dead-letter queue once retrying is exhausted (else it is discarded). */
        public boolean deadLetterWhenExhausted() {
            return deadLetter;
        }
    }

    private final Reason reason;

    public DeliveryDeferredException(Reason reason, String message) {
        super("delivery_deferred", message, Map.of("reason", reason.value()));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
