package io.squidmesh.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The rule that keeps a run in one trace ({@link Tracing#outgoing}), on the API's no-op OpenTelemetry, whose spans
 * carry their parent's context: work queued inside one of the run's deliveries continues that delivery; work queued
 * anywhere else, even inside another traced request, continues the run's own trace.
 */
class OpenTelemetryTracingTest {

    static final String DELIVERED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    static final String RUN = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    static final String REQUEST_TRACE = "11111111111111111111111111111111";

    final Tracing tracing = new OpenTelemetryTracing(OpenTelemetry.noop());

    @Test
    void workQueuedInsideADeliveryContinuesIt() {
        try (Tracing.Scope delivered = tracing.delivered(DELIVERED);
             Tracing.Span attempt = tracing.attempt(UUID.randomUUID(), "flow", "step", 1)) {
            assertEquals(DELIVERED, tracing.outgoing(RUN));
        }
    }

    @Test
    void workQueuedOutsideTheRunsDeliveriesContinuesTheRunsTrace() {
        SpanContext request = SpanContext.create(REQUEST_TRACE, "2222222222222222", TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope inRequest = Context.root().with(Span.wrap(request)).makeCurrent()) {
            assertEquals(RUN, tracing.outgoing(RUN), "a signal's request is not the run's trace");
        }
        assertEquals(RUN, tracing.outgoing(RUN));
        assertNull(tracing.outgoing(null), "a run started untraced sends nothing");
    }

    @Test
    void aDeliveredContextIsOnlyAParentNotADelivery() {
        try (Tracing.Scope delivered = tracing.delivered(DELIVERED)) {
            assertEquals(RUN, tracing.outgoing(RUN), "until an attempt or compensation span starts");
        }
    }

    @Test
    void whenTheDeliveryEndsTheContextBeforeItIsBack() {
        try (Tracing.Scope delivered = tracing.delivered(DELIVERED)) {
            try (Tracing.Span compensation = tracing.compensation(UUID.randomUUID())) {
                assertEquals(DELIVERED, tracing.outgoing(RUN));
            }
            assertEquals(RUN, tracing.outgoing(RUN));
        }
        assertEquals(Span.getInvalid(), Span.current());
    }

    @Test
    void aStartContinuesTheCurrentContext() {
        try (Tracing.Scope delivered = tracing.delivered(DELIVERED)) {
            assertEquals(DELIVERED, tracing.runStarted(UUID.randomUUID(), "flow", "manual"));
        }
        assertNull(tracing.runStarted(UUID.randomUUID(), "flow", "manual"), "no context, nothing to continue (no-op spans)");
    }

    @Test
    void noOrUnreadableContextIsNoTrace() {
        try (Tracing.Scope none = tracing.delivered(null); Tracing.Scope garbage = tracing.delivered("not-a-traceparent")) {
            assertEquals(Span.getInvalid(), Span.current());
        }
    }
}
