package io.squidmesh.it.tracing;

import com.google.protobuf.ByteString;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An OTLP/gRPC trace receiver in the test JVM: the server under test exports its spans here
 * ({@code -Dsquidmesh.tracing.endpoint} in arquillian.xml). It implements the collector's one method,
 * {@code TraceService/Export}, with grpc-java and the OTLP messages, and keeps the spans it received (the newest
 * {@value #KEPT}). It listens for the whole test session ({@link TraceCollectorSession}), so the server always has a
 * collector to export to, as it would in production.
 */
public final class TraceCollector implements AutoCloseable {

    static final String SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";
    static final int PORT = Integer.getInteger("squidmesh.it.otlp.port", 14317);
    static final int KEPT = 20_000;

    private static volatile TraceCollector session;

    /** One received span, its ids in hex as W3C writes them. */
    record Span(String traceId, String spanId, String parentSpanId, String name, String kind,
                Map<String, String> attributes, String status) {

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final Server server;
    private final List<Span> spans = new ArrayList<>();

    private TraceCollector(int port) throws IOException {
        MethodDescriptor<byte[], byte[]> export = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Export"))
                .setRequestMarshaller(new Bytes())
                .setResponseMarshaller(new Bytes())
                .build();
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(export, ServerCalls.asyncUnaryCall((request, response) -> {
                    try {
                        receive(ExportTraceServiceRequest.parseFrom(request));
                        response.onNext(ExportTraceServiceResponse.getDefaultInstance().toByteArray());
                        response.onCompleted();
                    } catch (IOException e) {
                        response.onError(e);
                    }
                }))
                .build();
        server = NettyServerBuilder.forPort(port).addService(service).build().start();
    }

    static TraceCollector listen(int port) throws IOException {
        return new TraceCollector(port);
    }

    /** Starts the session's collector ({@link TraceCollectorSession}). */
    static synchronized void openSession() throws IOException {
        if (session == null) {
            session = listen(PORT);
        }
    }

    /** Stops the session's collector. */
    static synchronized void closeSession() throws InterruptedException {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The collector listening for this test session. */
    static TraceCollector session() {
        TraceCollector current = session;
        if (current == null) {
            throw new IllegalStateException("no trace collector listens on port " + PORT + " (TraceCollectorSession)");
        }
        return current;
    }

    private synchronized void receive(ExportTraceServiceRequest request) {
        request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList().forEach(scope ->
                scope.getSpansList().forEach(span -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (KeyValue attribute : span.getAttributesList()) {
                        attributes.put(attribute.getKey(), text(attribute.getValue()));
                    }
                    spans.add(new Span(hex(span.getTraceId()), hex(span.getSpanId()), hex(span.getParentSpanId()),
                            span.getName(), span.getKind().name().replace("SPAN_KIND_", ""), attributes,
                            span.getStatus().getCode().name().replace("STATUS_CODE_", "")));
                    if (spans.size() > KEPT) {
                        spans.remove(0);
                    }
                })));
    }

    /** Every span received so far. */
    synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    private static String hex(ByteString bytes) {
        return bytes.isEmpty() ? "" : HexFormat.of().formatHex(bytes.toByteArray());
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
