package io.squidmesh.tools;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls HTTP endpoints from steps (SPEC §11). Request keys: {@code method} and {@code url} (required),
 * {@code headers}, {@code params}, {@code json} or {@code body}, {@code timeout} in milliseconds (default
 * 30 000, bounding the whole exchange: connect, send, response headers and the whole body) and
 * {@code max_body_bytes} (default 10 MiB: a larger response body is a non-retryable {@code http} error with
 * reason {@code response_too_large}, never read into memory); other keys are ignored.
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
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(call.request(), BoundedBody.handler(call.maxBodyBytes()));
        try {
            return outcome(call, exchange.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failure(call, ToolErrorKind.TIMEOUT, new HttpTimeoutException("no complete response within "
                    + call.timeout().toMillis() + " ms"), "HTTP request timed out");
        } catch (ExecutionException e) {
            return failure(call, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            // The caller (a step on a container thread) must still see that it was asked to stop.
            Thread.currentThread().interrupt();
            return failure(call, ToolErrorKind.TRANSPORT, e, "HTTP request was interrupted");
        }
    }

    /** Why the exchange failed: the JDK reports a failed send or body as the future's cause. */
    private static ToolError failure(HttpToolRequest call, Throwable cause) {
        Throwable error = cause;
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        if (find(error, BoundedBody.TooLarge.class) instanceof BoundedBody.TooLarge tooLarge) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", "response_too_large");
            details.put("max_body_bytes", tooLarge.limit());
            details.putAll(describe(call));
            // the same request gets the same body again: retrying cannot help
            return new ToolError(NAME, ToolErrorKind.HTTP, tooLarge.getMessage(), details, false);
        }
        if (error instanceof HttpTimeoutException timeout) {
            return failure(call, ToolErrorKind.TIMEOUT, timeout, "HTTP request timed out");
        }
        if (error instanceof Exception exception) {
            return failure(call, ToolErrorKind.TRANSPORT, exception, "HTTP request failed");
        }
        return failure(call, ToolErrorKind.TRANSPORT, new IOException(error), "HTTP request failed");
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable each = error; each != null; each = each.getCause()) {
            if (type.isInstance(each)) {
                return each;
            }
        }
        return null;
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
