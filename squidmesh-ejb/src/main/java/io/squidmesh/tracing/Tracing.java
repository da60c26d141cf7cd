package io.squidmesh.tracing;

import java.util.UUID;

/**
 * What the engine asks of a tracer. Trace contexts travel as W3C {@code traceparent} strings, so nothing outside
 * this package knows the tracing library.
 * <p>
 * The rule that keeps a run in one trace: work queued while one of the run's own deliveries is current (a
 * successor, a retry, a child run's first step) continues that delivery's span; work queued from anywhere else (a
 * signal, an approval, the watchdog) continues the span that started the run, whose context the run keeps.
 */
public interface Tracing {

    /**
     * Starts and ends the span of a run's start, as a child of whatever is current (the REST request, say).
     *
     * @param runId    the new run
     * @param workflow its workflow
     * @param trigger  the trigger it was started through
     * @return its context, which the run keeps ({@code RunEntity.startedInTrace}), or null when nothing is traced
     */
    String runStarted(UUID runId, String workflow, String trigger);

    /**
     * The context to send with work queued now for a run: the current delivery's span, else the run's own.
     *
     * @param runTraceParent the context the run was started in, or null
     * @return a traceparent, or null
     */
    String outgoing(String runTraceParent);

    /**
     * Makes a delivered context current on this thread until the returned scope closes; a step attempt or a
     * compensation started within it is its child.
     *
     * @param traceParent the context the work was queued with, or null
     * @return the scope to close when the delivery ends
     */
    Scope delivered(String traceParent);

    /**
     * Starts the span of a step attempt, current until it ends.
     *
     * @param runId    the attempt's run
     * @param workflow the run's workflow
     * @param step     the step
     * @param attempt  the attempt's number, from 1
     * @return the span, to end when the attempt's outcome is recorded
     */
    Span attempt(UUID runId, String workflow, String step, int attempt);

    /**
     * Starts the span of a run's compensation, current until it ends.
     *
     * @param runId the failed run whose completed steps are undone
     * @return the span, to end when the compensation is recorded
     */
    Span compensation(UUID runId);

    /** A context made current; closing it restores the one before. */
    interface Scope extends AutoCloseable {

        /** Restores the context that was current before. */
        @Override
        void close();
    }

    /** A span that is current until it ends. */
    interface Span extends Scope {

        /**
         * Records what the traced work came to.
         *
         * @param outcome e.g. {@code completed}, {@code failed}, {@code paused}
         * @param error   whether it is an error (the span's status)
         */
        void outcome(String outcome, boolean error);

        /** Ends the span and restores the context that was current before. */
        @Override
        void close();
    }
}
