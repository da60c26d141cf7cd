package io.squidmesh.it.support;

import io.squidmesh.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The operator API from outside the server, as a client sees it: {@code java.net.http} with HTTP BASIC sent
 * up front (or no credentials at all). Paths are relative to the web context, e.g. {@code /api/runs}.
 */
public final class ApiClient {

    public static final String BASE = System.getProperty("squidmesh.it.url", "http://127.0.0.1:8080/squidmesh");

    public static final ApiClient OPERATOR = new ApiClient("operator", "operator-pass1!");
    public static final ApiClient VIEWER = new ApiClient("viewer", "viewer-pass1!");
    public static final ApiClient ANONYMOUS = new ApiClient(null, null);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    public ApiClient(String user, String password) {
        this(BASE, user, password);
    }

    /** A client of the server at {@code base} (e.g. one node of a cluster, {@code http://127.0.0.1:8180/squidmesh}). */
    public ApiClient(String base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    /** {@code headers} are further name/value pairs, e.g. {@code "Origin", "http://example.com"}. */
    public Reply send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer; header names are case-insensitive as in HTTP. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }

        public Map<String, Object> json() {
            return Json.readObject(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
