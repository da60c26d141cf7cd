package io.squidmesh.executor;

/** An executor could not queue work; the engine rolls back or records a dispatch failure. */
public class EnqueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public EnqueueException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public EnqueueException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** The short reason persisted in {@code last_error}, e.g. {@code executor_unavailable}. */
    public String reason() {
        return reason;
    }
}
