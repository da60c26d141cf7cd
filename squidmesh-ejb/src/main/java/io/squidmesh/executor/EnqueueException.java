package io.squidmesh.executor;

/** An executor could not queue work; the engine rolls back or records a dispatch failure. */
public class EnqueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The short reason persisted in {@code last_error}. */
    private final String reason;

    /**
     * An enqueue failure.
     *
     * @param reason the short reason, e.g. {@code executor_unavailable}
     */
    public EnqueueException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /**
     * An enqueue failure caused by another exception.
     *
     * @param reason the short reason, e.g. {@code executor_unavailable}
     * @param cause what made the enqueue fail
     */
    public EnqueueException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /**
     * The short reason persisted in {@code last_error}, e.g. {@code executor_unavailable}.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
