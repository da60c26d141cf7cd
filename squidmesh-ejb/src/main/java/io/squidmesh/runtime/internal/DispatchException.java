package io.squidmesh.runtime.internal;

/** The executor refused work; {@link #reason()} is the JSON-safe value recorded in {@code last_error}. */
class DispatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object reason;

    DispatchException(Throwable cause) {
        super(cause.getMessage(), cause);
        this.reason = StepError.cause(cause);
    }

    Object reason() {
        return reason;
    }
}
