package io.squidmesh.runtime.internal;

import io.squidmesh.DispatchFailedException;

/**
 * The executor refused work; {@link #reason()} is the JSON-safe value recorded in {@code last_error}. The engine has
 * two policies for it (SPEC §6.19): work queued while a delivery moves a run on fails the run with that reason (the
 * delivery's transaction commits the failure); work queued for a caller (a start, an operator action, an event) is
 * refused to the caller with {@link #forCaller()}, and the caller's transaction rolls back with nothing written.
 */
public class DispatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object reason;

    DispatchException(Throwable cause) {
        super(cause.getMessage(), cause);
        this.reason = StepError.cause(cause);
    }

    public Object reason() {
        return reason;
    }

    /** What a caller whose operation needed the work is told ({@code dispatch_failed}). */
    public DispatchFailedException forCaller() {
        return new DispatchFailedException(String.valueOf(reason), getCause());
    }
}
