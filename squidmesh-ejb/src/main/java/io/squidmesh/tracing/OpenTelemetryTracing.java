package io.squidmesh.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * {@link Tracing} on the OpenTelemetry the server gives the application (WildFly's {@code opentelemetry}
 * subsystem: its sampler and exporter decide what leaves the server). Contexts are written and read as W3C
 * {@code traceparent} strings whatever propagators the server configures, because the engine stores them (on the
 * run, in JMS properties) and reads them back itself.
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
@ApplicationScoped
public class OpenTelemetryTracing implements Tracing {

    private static final Logger LOG = Logger.getLogger(OpenTelemetryTracing.class.getName());
    static final String INSTRUMENTATION = "io.squidmesh";
    static final String TRACEPARENT = "traceparent";
    static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("squidmesh.run_id");
    static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("squidmesh.workflow");
    static final AttributeKey<String> TRIGGER = AttributeKey.stringKey("squidmesh.trigger");
    static final AttributeKey<String> STEP = AttributeKey.stringKey("squidmesh.step");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("squidmesh.attempt");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("squidmesh.outcome");

    /** Marks a context whose span is one of the engine's deliveries (an attempt, a compensation). */
    private static final ContextKey<Boolean> DELIVERY = ContextKey.named("squidmesh.delivery");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Instance<OpenTelemetry> servers;

    private Tracer tracer;

    /** For CDI. */
    public OpenTelemetryTracing() {
    }

    /** A tracer on the given OpenTelemetry, outside CDI (unit tests). */
    OpenTelemetryTracing(OpenTelemetry openTelemetry) {
        tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    @PostConstruct
    void init() {
        if (servers.isResolvable()) {
            tracer = servers.get().getTracer(INSTRUMENTATION);
        } else {
            LOG.info("the server offers the OpenTelemetry API but no OpenTelemetry bean: Squid Mesh traces nothing");
        }
    }

    @Override
    public String runStarted(UUID runId, String workflow, String trigger) {
        if (tracer == null) {
            return null;
        }
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder("start " + workflow)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(RUN_ID, runId.toString())
                .setAttribute(WORKFLOW, workflow)
                .setAttribute(TRIGGER, trigger)
                .startSpan();
        span.end();
        return traceParent(Context.current().with(span));
    }

    @Override
    public String outgoing(String runTraceParent) {
        Context current = Context.current();
        if (tracer != null && current.get(DELIVERY) != null) {
            String delivering = traceParent(current);
            if (delivering != null) {
                return delivering;
            }
        }
        return runTraceParent;
    }

    @Override
    public Scope delivered(String traceParent) {
        if (tracer == null || traceParent == null) {
            return () -> { };
        }
        Context remote = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, traceParent), FROM_MAP);
        io.opentelemetry.context.Scope scope = remote.makeCurrent();
        return scope::close;
    }

    @Override
    public Span attempt(UUID runId, String workflow, String step, int attempt) {
        if (tracer == null) {
            return NoTracing.NOTHING;
        }
        return start(tracer.spanBuilder("step " + workflow + "." + step)
                .setAttribute(RUN_ID, runId.toString())
                .setAttribute(WORKFLOW, workflow)
                .setAttribute(STEP, step)
                .setAttribute(ATTEMPT, (long) attempt));
    }

    @Override
    public Span compensation(UUID runId) {
        if (tracer == null) {
            return NoTracing.NOTHING;
        }
        return start(tracer.spanBuilder("compensate").setAttribute(RUN_ID, runId.toString()));
    }

    private static Span start(io.opentelemetry.api.trace.SpanBuilder builder) {
        io.opentelemetry.api.trace.Span span = builder.setSpanKind(SpanKind.CONSUMER).startSpan();
        io.opentelemetry.context.Scope scope = Context.current().with(span).with(DELIVERY, true).makeCurrent();
        return new Span() {
            @Override
            public void outcome(String outcome, boolean error) {
                span.setAttribute(OUTCOME, outcome);
                if (error) {
                    span.setStatus(StatusCode.ERROR, outcome);
                }
            }

            @Override
            public void close() {
                try {
                    span.end();
                } finally {
                    scope.close();
                }
            }
        };
    }

    /** The context's span as a W3C traceparent, or null when it has none. */
    static String traceParent(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
