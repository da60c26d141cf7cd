package io.squidmesh.tracing;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The engine's tracer where the server offers none: traces nothing, sends no context. */
@ApplicationScoped
public class NoTracing implements Tracing {

    static final Span NOTHING = new Span() {
        @Override
        public void outcome(String outcome, boolean error) {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public String runStarted(UUID runId, String workflow, String trigger) {
        return null;
    }

    @Override
    public String outgoing(String runTraceParent) {
        return runTraceParent;
    }

    @Override
    public Scope delivered(String traceParent) {
        return NOTHING;
    }

    @Override
    public Span attempt(UUID runId, String workflow, String step, int attempt) {
        return NOTHING;
    }

    @Override
    public Span compensation(UUID runId) {
        return NOTHING;
    }
}
