package io.squidmesh.it.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment gateway of {@code payment_recovery}, played by the JDK's HTTP server on a free loopback port in
 * the server JVM, where both the test and the step run. It answers every request the same way and counts them,
 * so a test can tell how many attempts actually reached the gateway.
 */
public final class GatewayStub implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private GatewayStub(int status, String body) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> answer(exchange, status, bytes));
        server.start();
    }

    /** A gateway that answers each request with this status and plain-text body. */
    public static GatewayStub answering(int status, String body) {
        return new GatewayStub(status, body);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/invoices/status";
    }

    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        requests.incrementAndGet();
        try (exchange) { // closing the exchange ends the response
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
