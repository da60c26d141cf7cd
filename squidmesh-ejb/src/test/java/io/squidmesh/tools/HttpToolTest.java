package io.squidmesh.tools;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpToolTest {

    private static final String NAME = HttpTool.class.getName();
    /** Nothing listens here; only used by requests that must be refused before sending. */
    private static final String UNUSED_URL = "http://127.0.0.1:9/never";

    private final HttpTool tool = new HttpTool();
    private final StubHttpServer server = new StubHttpServer();
    /** Released after each test so blocked handlers finish. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServer() {
        release.countDown();
        server.close();
    }

    private ToolOutcome call(Map<String, Object> request) {
        return Tools.invoke(tool, request);
    }

    private static Map<String, Object> request(Object... keysAndValues) {
        Map<String, Object> request = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            request.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return request;
    }

    private static ToolResult result(ToolOutcome outcome) {
        return assertInstanceOf(ToolResult.class, outcome);
    }

    private static ToolError error(ToolOutcome outcome) {
        return assertInstanceOf(ToolError.class, outcome);
    }

    private static Map<?, ?> map(Object value) {
        return assertInstanceOf(Map.class, value);
    }

    private void blockUntilReleased(String path) {
        server.on(path, exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StubHttpServer.send(exchange, 200, "late");
        });
    }

    @Test
    void jsonResponseBecomesDataWithLowerCaseHeadersAndMetadata() {
        server.answer("/items", 200, "application/json; charset=utf-8", "{\"id\":7,\"tags\":[\"a\",\"b\"],\"price\":1.5}",
                Map.of("X-Multi", List.of("one", "two")));

        ToolResult result = result(call(request("method", "get", "url", server.url("/items"))));

        assertEquals(NAME, result.adapter());
        assertEquals(List.of("status", "headers", "body", "trailers"), List.copyOf(result.payload().keySet()));
        assertEquals(200, result.payload().get("status"));
        assertEquals(Map.of("id", 7, "tags", List.of("a", "b"), "price", 1.5), result.payload().get("body"));
        Map<?, ?> headers = map(result.payload().get("headers"));
        assertEquals("application/json; charset=utf-8", headers.get("content-type"));
        assertEquals(List.of("one", "two"), headers.get("x-multi"));
        assertEquals(Map.of(), result.payload().get("trailers"));
        assertEquals(Map.of("method", "GET", "url", server.url("/items")), result.metadata());
    }

    @Test
    void textResponseStaysText() {
        server.answer("/hello", 200, "text/plain", "hello");

        ToolResult result = result(call(request("method", "GET", "url", server.url("/hello"))));

        assertEquals("hello", result.payload().get("body"));
        assertEquals("text/plain", map(result.payload().get("headers")).get("content-type"));
        assertEquals(Map.of("method", "GET", "url", server.url("/hello")), result.metadata());
    }

    @Test
    void emptyBodyIsEmptyTextEvenWhenTypedJson() {
        server.answer("/empty", 204, "application/json", "");

        ToolResult result = result(call(request("method", "delete", "url", server.url("/empty"))));

        assertEquals(204, result.payload().get("status"));
        assertEquals("", result.payload().get("body"));
    }

    @Test
    void bodyThatIsNotReallyJsonStaysText() {
        server.answer("/broken", 200, "application/json", "{not json");

        assertEquals("{not json", result(call(request("method", "get", "url", server.url("/broken")))).payload().get("body"));
    }

    @Test
    void redirectsAreFollowed() {
        server.answer("/old", 302, null, "", Map.of("Location", List.of(server.url("/new"))));
        server.answer("/new", 200, "text/plain", "moved here");

        ToolResult result = result(call(request("method", "get", "url", server.url("/old"))));

        assertEquals(200, result.payload().get("status"));
        assertEquals("moved here", result.payload().get("body"));
    }

    @Test
    void paramsAreFormEncodedIntoTheQuery() {
        server.answer("/search", 200, "text/plain", "ok");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", "a b&c");
        params.put("n", 2);
        params.put("tag", List.of("x", "y"));

        result(call(request("method", "get", "url", server.url("/search"), "params", params)));
        result(call(request("method", "get", "url", server.url("/search?x=1#top"), "params", Map.of("q", "z"))));

        List<StubHttpServer.Received> received = server.received();
        assertEquals("q=a+b%26c&n=2&tag=x&tag=y", received.get(0).uri().getRawQuery());
        assertEquals("x=1&q=z", received.get(1).uri().getRawQuery());
    }

    @Test
    void headersReachTheServer() {
        server.answer("/h", 200, "text/plain", "ok");

        result(call(request("method", "get", "url", server.url("/h"),
                "headers", Map.of("X-Token", "t1", "Accept", List.of("a/b", "c/d")))));

        StubHttpServer.Received received = server.only();
        assertEquals(List.of("t1"), received.headers().get("X-Token"));
        assertEquals(List.of("a/b", "c/d"), received.headers().get("Accept"));
    }

    @Test
    void jsonIsSentAsJson() {
        server.answer("/json", 201, "text/plain", "created");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", 1);
        json.put("b", Arrays.asList(true, null));

        ToolResult result = result(call(request("method", "post", "url", server.url("/json"), "json", json)));

        StubHttpServer.Received received = server.only();
        assertEquals("POST", received.method());
        assertEquals("{\"a\":1,\"b\":[true,null]}", received.body());
        assertEquals(List.of("application/json"), received.headers().get("Content-Type"));
        assertEquals("POST", result.metadata().get("method"));
    }

    @Test
    void jsonKeepsTheContentTypeTheStepChose() {
        server.answer("/json", 200, "text/plain", "ok");

        result(call(request("method", "put", "url", server.url("/json"),
                "headers", Map.of("content-type", "application/vnd.api+json"), "json", Map.of())));

        StubHttpServer.Received received = server.only();
        assertEquals(List.of("application/vnd.api+json"), received.headers().get("Content-Type"));
        assertEquals("{}", received.body());
    }

    @Test
    void rawBodyIsSentAsIs() {
        server.answer("/raw", 200, "text/plain", "ok");

        result(call(request("method", "post", "url", server.url("/raw"), "body", "a=1&b=2",
                "headers", Map.of("Content-Type", "application/x-www-form-urlencoded"))));
        result(call(request("method", "post", "url", server.url("/raw"), "body", "plain")));

        List<StubHttpServer.Received> received = server.received();
        assertEquals("a=1&b=2", received.get(0).body());
        assertEquals(List.of("application/x-www-form-urlencoded"), received.get(0).headers().get("Content-Type"));
        assertEquals("plain", received.get(1).body());
        assertNull(received.get(1).headers().getFirst("Content-Type"), "a raw body gets no JSON content type");
    }

    @Test
    void serverErrorIsRetryableAndSentOnlyOnce() {
        server.answer("/busy", 503, "application/json", "{\"error\":\"busy\"}");

        ToolError error = error(call(request("method", "get", "url", server.url("/busy"))));

        assertEquals(NAME, error.adapter());
        assertEquals(ToolErrorKind.HTTP, error.kind());
        assertEquals("HTTP request failed with status 503", error.message());
        assertTrue(error.retryable());
        assertEquals(503, error.details().get("status"));
        assertEquals("application/json", map(error.details().get("headers")).get("content-type"));
        assertEquals(Map.of("error", "busy"), error.details().get("body"));
        assertEquals(Map.of(), error.details().get("trailers"));
        assertEquals("GET", error.details().get("method"));
        assertEquals(server.url("/busy"), error.details().get("url"));
        assertEquals(1, server.received().size(), "the client must not retry: workflow retries are the only layer");
    }

    @Test
    void clientErrorIsNotRetryable() {
        server.answer("/missing", 404, "application/problem+json", "{\"title\":\"missing\"}");

        ToolError error = error(call(request("method", "get", "url", server.url("/missing"))));

        assertEquals(ToolErrorKind.HTTP, error.kind());
        assertEquals("HTTP request failed with status 404", error.message());
        assertEquals(false, error.retryable());
        assertEquals(404, error.details().get("status"));
        assertEquals(Map.of("title", "missing"), error.details().get("body"));
    }

    @Test
    void slowServerTimesOut() {
        blockUntilReleased("/slow");

        ToolError error = error(call(request("method", "get", "url", server.url("/slow"), "timeout", 200)));

        assertEquals(ToolErrorKind.TIMEOUT, error.kind());
        assertTrue(error.retryable());
        assertTrue(String.valueOf(error.details().get("reason")).startsWith("HttpTimeoutException"), error.details()::toString);
        assertEquals("GET", error.details().get("method"));
        assertEquals(server.url("/slow"), error.details().get("url"));
    }

    @Test
    void aResponseBodyOverTheLimitIsAClearNonRetryableError() {
        server.answer("/big", 200, "text/plain", "x".repeat(4096));
        server.on("/big-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            for (int i = 0; i < 64; i++) {
                exchange.getResponseBody().write("y".repeat(1024).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });

        for (String path : List.of("/big", "/big-chunked")) {
            ToolError error = error(call(request("method", "get", "url", server.url(path), "max_body_bytes", 1000)));

            assertEquals(ToolErrorKind.HTTP, error.kind());
            assertEquals(false, error.retryable());
            assertEquals("HTTP response body is larger than max_body_bytes (1000 bytes)", error.message());
            assertEquals("response_too_large", error.details().get("reason"));
            assertEquals(1000L, error.details().get("max_body_bytes"));
            assertEquals(server.url(path), error.details().get("url"));
        }
        assertEquals("x".repeat(4096), result(call(request("method", "get", "url", server.url("/big"),
                "max_body_bytes", 4096))).payload().get("body"));
    }

    @Test
    void theTimeoutBoundsTheWholeExchangeNotJustTheHeaders() {
        server.on("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 50 && release.getCount() > 0; i++) {
                    exchange.getResponseBody().write('z');
                    exchange.getResponseBody().flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        long started = System.nanoTime();
        ToolError error = error(call(request("method", "get", "url", server.url("/trickle"), "timeout", 400)));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(ToolErrorKind.TIMEOUT, error.kind());
        assertTrue(error.retryable());
        assertEquals("HttpTimeoutException: no complete response within 400 ms", error.details().get("reason"));
        assertTrue(tookMs < 3_000, "answered after " + tookMs + " ms");
    }

    @Test
    void timeoutDefaultsToThirtySeconds() throws HttpToolRequest.Invalid {
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                HttpToolRequest.from(request("method", "get", "url", UNUSED_URL)).request().timeout());
        assertEquals(Optional.of(Duration.ofMillis(1500)),
                HttpToolRequest.from(request("method", "get", "url", UNUSED_URL, "timeout", 1500L)).request().timeout());
    }

    @Test
    void refusedConnectionIsRetryableTransportFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/";

        ToolError error = error(call(request("method", "get", "url", url)));

        assertEquals(ToolErrorKind.TRANSPORT, error.kind());
        assertTrue(error.retryable());
        // The JDK's ConnectException carries no message.
        assertEquals("HTTP request failed", error.message());
        assertEquals(Map.of("reason", "ConnectException", "method", "GET", "url", url), error.details());
    }

    @Test
    void droppedConnectionIsNotResent() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        connections.incrementAndGet();
                        client.getInputStream().read(new byte[8192]);
                    } catch (IOException e) {
                        // A reset from the client is expected; closing the socket ends the loop.
                    }
                }
            });
            dropper.setDaemon(true);
            dropper.start();

            ToolError error = error(call(request("method", "post", "url",
                    "http://127.0.0.1:" + socket.getLocalPort() + "/", "body", "charge")));

            assertEquals(ToolErrorKind.TRANSPORT, error.kind());
            assertTrue(error.retryable());
            assertEquals(1, connections.get(), "the client must not resend the request");
        }
    }

    @Test
    void interruptedCallIsTransportFailureAndKeepsTheFlag() {
        blockUntilReleased("/hang");

        Thread.currentThread().interrupt();
        ToolError error = error(call(request("method", "get", "url", server.url("/hang"))));
        boolean stillInterrupted = Thread.interrupted();

        assertTrue(stillInterrupted, "the interrupt must be visible to the caller");
        assertEquals(ToolErrorKind.TRANSPORT, error.kind());
        assertEquals("HTTP request was interrupted", error.message());
        assertTrue(error.retryable());
    }

    static Stream<Map<String, Object>> withoutMethodOrUrl() {
        return Stream.of(
                request(),
                request("url", UNUSED_URL),
                request("method", "get"),
                request("method", 1, "url", UNUSED_URL),
                request("method", " ", "url", UNUSED_URL),
                request("method", "GE T", "url", UNUSED_URL),
                request("method", "get", "url", ""),
                request("method", "get", "url", 42),
                request("method", "get", "url", "not a url"),
                request("method", "get", "url", "/relative"),
                request("method", "get", "url", "ftp://127.0.0.1/file"));
    }

    @ParameterizedTest
    @MethodSource("withoutMethodOrUrl")
    void requestsNeedAMethodAndAUrl(Map<String, Object> request) {
        assertInvalid(request, "HTTP tool requests require a method and a url");
    }

    static Stream<Arguments> malformedOptions() {
        String headers = "HTTP tool request headers must map names to strings or lists of strings";
        String timeout = "HTTP tool request timeout must be a positive integer of milliseconds";
        String maxBody = "HTTP tool request max_body_bytes must be a positive integer of bytes";
        return Stream.of(
                Arguments.of("timeout", 0, timeout),
                Arguments.of("timeout", -5, timeout),
                Arguments.of("timeout", "100", timeout),
                Arguments.of("timeout", 1.5, timeout),
                Arguments.of("max_body_bytes", 0, maxBody),
                Arguments.of("max_body_bytes", "1024", maxBody),
                Arguments.of("headers", "X-Token: t", headers),
                Arguments.of("headers", Map.of("X-Count", 1), headers),
                Arguments.of("headers", Map.of("Accept", List.of(1)), headers),
                Arguments.of("params", "q=1", "HTTP tool request params must be a map"),
                Arguments.of("body", 42, "HTTP tool request body must be a string"));
    }

    @ParameterizedTest
    @MethodSource("malformedOptions")
    void malformedOptionsAreInvalidRequests(String key, Object value, String message) {
        assertInvalid(request("method", "get", "url", UNUSED_URL, key, value), message);
    }

    @Test
    void jsonAndBodyAreExclusive() {
        assertInvalid(request("method", "post", "url", UNUSED_URL, "json", Map.of(), "body", "{}"),
                "HTTP tool requests take either json or body, not both");
    }

    @Test
    void restrictedHeaderIsAnInvalidRequest() {
        String message = assertInvalid(request("method", "get", "url", UNUSED_URL, "headers", Map.of("Host", "elsewhere")));
        assertTrue(message.startsWith("HTTP tool request header rejected: "), message);
    }

    @Test
    void unencodableJsonIsAnInvalidRequest() {
        String message = assertInvalid(request("method", "post", "url", UNUSED_URL, "json", new Unencodable()));
        assertTrue(message.startsWith("HTTP tool request json cannot be encoded: "), message);
    }

    /** Jackson fails on the throwing getter. */
    static final class Unencodable {
        public String getValue() {
            throw new IllegalStateException("no value");
        }
    }

    private void assertInvalid(Map<String, Object> request, String message) {
        assertEquals(message, assertInvalid(request));
    }

    /** Checks the shape every invalid request shares and returns the message. */
    private String assertInvalid(Map<String, Object> request) {
        ToolError error = error(call(request));
        assertEquals(NAME, error.adapter());
        assertEquals(ToolErrorKind.INVALID_REQUEST, error.kind());
        assertEquals(Map.of("request", request), error.details());
        assertEquals(false, error.retryable());
        assertTrue(server.received().isEmpty());
        return error.message();
    }
}
