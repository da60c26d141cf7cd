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

    /**
     * Answers are checked against the OpenAPI document ({@link ApiContract}) where the checker is on the class path:
     * always in the tests' own JVM; not inside the server, where a test deployment (FaultsIT) may bring this class
     * alone.
     */
    private static final boolean CHECKED = present("io.squidmesh.it.support.ApiContract")
            && present("com.atlassian.oai.validator.OpenApiInteractionValidator");

    /** Whether this JVM checks answers against the document (the API tests assert that it does). */
    public static boolean checksAnswers() {
        return CHECKED;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ApiClient.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

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
        return sendBody(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), contentType, headers);
    }

    /**
     * Any body: e.g. {@code BodyPublishers.ofInputStream} for one sent chunked, without a length. An
     * {@code Authorization} pair in {@code headers} replaces this client's credentials.
     */
    public Reply sendBody(String method, String path, HttpRequest.BodyPublisher body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        boolean ownAuthorization = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (authorization != null && !ownAuthorization) {
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
            if (CHECKED) {
                ApiContract.check(method, response.uri(), response.statusCode(), response.headers().map(), response.body());
            }
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * As the simplest clients do: the whole request, body included, is written before a byte of the answer is
     * read (over a plain socket, HTTP/1.1 with a {@code Content-Length}). A server that answers early and drops the
     * rest of a large body resets such a client's connection before it reads anything: that is an
     * {@link UncheckedIOException} here.
     */
    public Reply sendAllThenRead(String method, String path, byte[] body, String contentType) {
        URI uri = URI.create(base + path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + uri.getRawPath() + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n")
                    .append("Connection: close\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            String text = answer.substring(end + 4);
            if ("chunked".equalsIgnoreCase(String.join(",", headers.getOrDefault("Transfer-Encoding", List.of())))) {
                text = unchunk(text);
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            if (CHECKED) {
                ApiContract.check(method, uri, status, headers, text);
            }
            return new Reply(status, headers, text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " (whole body sent first)", e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder text = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return text.toString();
            }
            text.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
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
