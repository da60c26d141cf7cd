package io.squidmesh.tools;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on an ephemeral loopback port, recording every request it receives so tests
 * can check what actually went over the wire and how many times.
 */
final class StubHttpServer implements AutoCloseable {

    /** What the server saw of one request. */
    record Received(String method, URI uri, Headers headers, String body) {
    }

    /** How a path answers; may block to simulate a slow server. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    // Handlers run off the dispatcher thread, so a blocked handler cannot hold up close().
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.start();
    }

    /** Answers {@code path} with a fixed status, content type (null for none) and body. */
    void answer(String path, int status, String contentType, String body, Map<String, List<String>> headers) {
        on(path, exchange -> {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            send(exchange, status, body);
        });
    }

    void answer(String path, int status, String contentType, String body) {
        answer(path, status, contentType, body, Map.of());
    }

    void on(String path, Responder responder) {
        server.createContext(path, exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getRequestHeaders(), body));
                responder.respond(exchange);
            }
        });
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // -1 tells the server there is no body at all (required for 204).
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request but the server saw " + received.size());
        }
        return received.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
