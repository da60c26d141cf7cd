package io.squidmesh.tools;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls HTTP endpoints from steps (SPEC §11). Request keys: {@code method} and {@code url} (required),
 * {@code headers}, {@code params}, {@code json} or {@code body}, and {@code timeout} in milliseconds
 * (default 30 000, bounding the connect and the wait for the response); other keys are ignored.
 * <p>
 * Statuses 200–399 are results; 4xx and 5xx are {@code http} errors, retryable only for 5xx because a
 * client error will recur on retry. Timeouts and transport failures are retryable. The client never
 * retries by itself: workflow retries are durable and recorded, a hidden second layer would multiply
 * attempts and side effects. The JDK client still transparently re-sends a GET or HEAD once when a
 * connection closes before any response byte, and re-attempts a refused connect once; neither can be
 * switched off per client ({@code -Djdk.httpclient.disableRetryConnect=true} stops the latter JVM-wide).
 * <p>
 * Not final because CDI proxies application-scoped beans. Each instance owns its client (CDI keeps
 * one per application): a static one would keep the JDK's selector thread, and with it the
 * deployment's class loader, alive after undeploy.
 */
@ApplicationScoped
public class HttpTool implements ToolAdapter {

    private static final String NAME = HttpTool.class.getName();

    /**
     * HTTP/1.1 like the original engine's client; it also keeps plain-http requests free of the h2c
     * upgrade headers some servers reject.
     */
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Override
    public ToolOutcome invoke(Map<String, Object> request, Map<String, Object> context) {
        Map<String, Object> given = request == null ? Map.of() : request;
        HttpToolRequest call;
        try {
            call = HttpToolRequest.from(given);
        } catch (HttpToolRequest.Invalid e) {
            return new ToolError(NAME, ToolErrorKind.INVALID_REQUEST, e.getMessage(), Map.of("request", given), false);
        }
        try {
            return outcome(call, client.send(call.request(), BodyHandlers.ofString()));
        } catch (HttpTimeoutException e) {
            return failure(call, ToolErrorKind.TIMEOUT, e, "HTTP request timed out");
        } catch (IOException e) {
            return failure(call, ToolErrorKind.TRANSPORT, e, "HTTP request failed");
        } catch (InterruptedException e) {
            // The caller (a step on a container thread) must still see that it was asked to stop.
            Thread.currentThread().interrupt();
            return failure(call, ToolErrorKind.TRANSPORT, e, "HTTP request was interrupted");
        }
    }

    private static ToolOutcome outcome(HttpToolRequest call, HttpResponse<String> response) {
        Map<String, Object> data = HttpToolResponse.toMap(response);
        int status = response.statusCode();
        if (status >= 200 && status <= 399) {
            return new ToolResult(NAME, data, describe(call));
        }
        data.putAll(describe(call));
        return new ToolError(NAME, ToolErrorKind.HTTP, "HTTP request failed with status " + status, data, status >= 500);
    }

    private static ToolError failure(HttpToolRequest call, ToolErrorKind kind, Exception e, String fallback) {
        String message = e.getMessage();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        details.putAll(describe(call));
        return new ToolError(NAME, kind, message == null ? fallback : message, details, true);
    }

    private static Map<String, Object> describe(HttpToolRequest call) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", call.method());
        map.put("url", call.url());
        return map;
    }
}
