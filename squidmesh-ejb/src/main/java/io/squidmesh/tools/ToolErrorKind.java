package io.squidmesh.tools;

import java.util.Locale;

/**
 * Why a tool call failed, in the vocabulary of the original engine so persisted step errors read the
 * same whichever runtime wrote them.
 */
public enum ToolErrorKind {
    /** The adapter broke the {@link ToolAdapter} contract (null adapter, null result, exception). */
    ADAPTER_CONTRACT,
    /** The remote side answered with an HTTP error status. */
    HTTP,
    /** The step passed a context that is not a map. */
    INVALID_CONTEXT,
    /** The step passed a request the adapter cannot send; retrying the same request cannot help. */
    INVALID_REQUEST,
    /** No answer in time; the remote side may be slow rather than broken, so worth retrying. */
    TIMEOUT,
    /** The request did not complete at the transport level (refused, reset, interrupted). */
    TRANSPORT;

    /** The lower_snake name stored in step errors, e.g. {@code adapter_contract}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
