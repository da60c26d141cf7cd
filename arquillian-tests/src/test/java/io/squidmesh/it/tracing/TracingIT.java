package io.squidmesh.it.tracing;

import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.TestModules;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces as a collector receives them: the server under test exports over OTLP/gRPC to {@link TraceCollector} in
 * this JVM (arquillian.xml turns the sampler on and points the exporter here, where it listens for the whole session; {@code configure-tracing.cli} keeps it
 * off by default). A run started over REST, retried, paused and resumed by a second request forms one trace: the
 * request's span, the run's start, then one span per attempt, each delivered by JMS with the context in its
 * {@code traceparent} property; a failed run's compensation joins its trace too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TracingIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static TraceCollector collector;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(TracedWorkflows.class, TracedWorkflows.Traced.class, TracedWorkflows.Saga.class);
    }

    @BeforeAll
    static void collector() {
        collector = TraceCollector.session();
    }

    @Test
    void aRunsStartAttemptsRetryAndResumeFormOneTraceAcrossJmsDeliveries() {
        ApiClient.Reply started = OPERATOR.post("/api/runs",
                "{\"workflow\":\"traced_flow\",\"trigger\":\"traced_flow\",\"payload\":{\"failures\":1}}");
        assertEquals(201, started.status(), started::toString);
        String runId = (String) started.json().get("id");
        awaitStatus(runId, "paused");
        assertEquals(200, OPERATOR.post("/api/runs/" + runId + "/unblock", "{}").status());
        awaitStatus(runId, "completed");

        // start, flaky twice (a retry), hold, finish
        List<TraceCollector.Span> run = awaitSpans(runId, spans -> spans.size() >= 5
                && spans.stream().anyMatch(span -> "finish".equals(span.attribute("squidmesh.step"))));
        report(runId, run);
        TraceCollector.Span start = only(run, span -> span.name().equals("start traced_flow"));
        assertEquals("traced_flow", start.attribute("squidmesh.trigger"));
        Set<String> traces = run.stream().map(TraceCollector.Span::traceId).collect(Collectors.toSet());
        assertEquals(Set.of(start.traceId()), traces, "every span of the run is in the trace its start began");

        TraceCollector.Span request = only(collector.spans(), span -> span.spanId().equals(start.parentSpanId()));
        assertEquals("SERVER", request.kind(), () -> "the start's parent is the REST request: " + request);

        List<TraceCollector.Span> flaky = run.stream().filter(span -> "flaky".equals(span.attribute("squidmesh.step")))
                .sorted((a, b) -> a.attribute("squidmesh.attempt").compareTo(b.attribute("squidmesh.attempt"))).toList();
        assertEquals(2, flaky.size(), () -> "two attempts of flaky: " + flaky);
        assertEquals(List.of("1", "2"), flaky.stream().map(span -> span.attribute("squidmesh.attempt")).toList());
        assertEquals("failed", flaky.get(0).attribute("squidmesh.outcome"));
        assertEquals("ERROR", flaky.get(0).status());
        assertEquals("succeeded", flaky.get(1).attribute("squidmesh.outcome"));
        assertEquals(start.spanId(), flaky.get(0).parentSpanId(), "the first attempt continues the start");
        assertEquals(flaky.get(0).spanId(), flaky.get(1).parentSpanId(), "the retry continues the failed attempt");
        assertEquals("traced_flow.flaky", flaky.get(0).name().substring("step ".length()));
        assertEquals("CONSUMER", flaky.get(0).kind());

        TraceCollector.Span hold = only(run, span -> "hold".equals(span.attribute("squidmesh.step")));
        assertEquals("paused", hold.attribute("squidmesh.outcome"));
        assertEquals(flaky.get(1).spanId(), hold.parentSpanId(), "the successor continues its predecessor");

        // the resume was queued by another request (the unblock), outside the run's deliveries: the run's own
        // trace goes on from the span that started it, not from that request
        TraceCollector.Span finish = only(run, span -> "finish".equals(span.attribute("squidmesh.step")));
        assertEquals(start.traceId(), finish.traceId());
        assertTrue(Set.of(start.spanId(), hold.spanId()).contains(finish.parentSpanId()),
                () -> "finish continues the run's trace: " + finish);
        assertTrue(run.stream().allMatch(span -> runId.equals(span.attribute("squidmesh.run_id"))));
    }

    @Test
    void aFailedRunsCompensationJoinsItsTrace() {
        ApiClient.Reply started = OPERATOR.post("/api/runs", "{\"workflow\":\"traced_saga\",\"trigger\":\"traced_saga\",\"payload\":{}}");
        assertEquals(201, started.status(), started::toString);
        String runId = (String) started.json().get("id");
        awaitStatus(runId, "failed");

        List<TraceCollector.Span> run = awaitSpans(runId, spans -> spans.stream().anyMatch(span -> span.name().equals("compensate")));
        report(runId, run);
        TraceCollector.Span charge = only(run, span -> "charge".equals(span.attribute("squidmesh.step")));
        TraceCollector.Span compensate = only(run, span -> span.name().equals("compensate"));
        assertEquals(charge.traceId(), compensate.traceId());
        assertEquals(charge.spanId(), compensate.parentSpanId(), "queued by the failing attempt, it continues it");
        assertEquals("compensated", compensate.attribute("squidmesh.outcome"));
        assertNotEquals("", compensate.parentSpanId());
    }

    private static void awaitStatus(String runId, String status) {
        Await.until("run " + runId + " to be " + status, () -> OPERATOR.get("/api/runs/" + runId),
                reply -> reply.status() == 200 && status.equals(reply.json().get("status")), PATIENCE);
    }

    private static List<TraceCollector.Span> awaitSpans(String runId, Predicate<List<TraceCollector.Span>> done) {
        return Await.until("the spans of run " + runId, () -> collector.spans().stream()
                .filter(span -> runId.equals(span.attribute("squidmesh.run_id"))).toList(), done, PATIENCE);
    }

    private static TraceCollector.Span only(List<TraceCollector.Span> spans, Predicate<TraceCollector.Span> which) {
        List<TraceCollector.Span> found = spans.stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "one span expected among " + spans);
        return found.get(0);
    }

    private static void report(String runId, List<TraceCollector.Span> spans) {
        assertFalse(spans.isEmpty());
        System.out.println("spans of run " + runId + ":");
        spans.forEach(span -> System.out.println("  " + span.name() + " trace=" + span.traceId() + " span=" + span.spanId()
                + " parent=" + span.parentSpanId() + " " + span.attributes()));
    }
}
