package io.squidmesh;

import java.util.Map;

/** The executor could not queue the run's work; nothing was written ({@code dispatch_failed}). */
public class DispatchFailedException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A dispatch failure.
     *
     * @param reason what the executor reported
     * @param cause the executor's exception
     */
    public DispatchFailedException(String reason, Throwable cause) {
        super("dispatch_failed", "the executor could not queue the work: " + reason, Map.of("reason", reason));
        initCause(cause);
    }
}
