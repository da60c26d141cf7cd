package io.squidmesh.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.squidmesh.json.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An {@link HttpTool} request map checked and turned into a {@link HttpRequest}. Every way a step can
 * get a request wrong is decided here, before anything is sent, so it is reported as a non-retryable
 * {@code invalid_request} with the precise reason instead of surfacing later as a transport failure.
 */
final class HttpToolRequest {

    /** Used when the request has no {@code timeout}; the original engine's Req default. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(30_000);

    /** Used when the request has no {@code max_body_bytes}: the most of a response body the tool reads, 10 MiB. */
    static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    private static final String METHOD_AND_URL = "HTTP tool requests require a method and a url";
    private static final String CONTENT_TYPE = "content-type";

    private final HttpRequest request;
    private final String url;
    private final Duration timeout;
    private final long maxBodyBytes;

    private HttpToolRequest(HttpRequest request, String url, Duration timeout, long maxBodyBytes) {
        this.request = request;
        this.url = url;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The bound on the whole exchange: connecting, sending, the response headers and the whole body. */
    Duration timeout() {
        return timeout;
    }

    /** The most response body bytes the tool reads; a larger body is an error, not a truncated result. */
    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The request to send. */
    HttpRequest request() {
        return request;
    }

    /** The upper-case method, as reported in metadata and error details. */
    String method() {
        return request.method();
    }

    /** The url as the step gave it (without params), so reports match what the step wrote. */
    String url() {
        return url;
    }

    static HttpToolRequest from(Map<String, Object> request) throws Invalid {
        if (!(request.get("method") instanceof String method) || method.isBlank()
                || !(request.get("url") instanceof String url) || url.isEmpty()) {
            throw new Invalid(METHOD_AND_URL);
        }
        Map<String, List<String>> headers = headers(request.get("headers"));
        BodyPublisher body = body(request, headers);
        Duration timeout = timeout(request.get("timeout"));
        long maxBodyBytes = maxBodyBytes(request.get("max_body_bytes"));
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(timeout);
        try {
            builder.uri(URI.create(withQuery(url, request.get("params"))))
                    .method(method.toUpperCase(Locale.ROOT), body);
        } catch (IllegalArgumentException e) {
            // Not an absolute http(s) URI, or not a valid method token: still "no method and url".
            throw new Invalid(METHOD_AND_URL);
        }
        try {
            headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        } catch (IllegalArgumentException e) {
            // The JDK refuses restricted (host, connection, ...) and malformed headers.
            throw new Invalid("HTTP tool request header rejected: " + e.getMessage());
        }
        return new HttpToolRequest(builder.build(), url, timeout, maxBodyBytes);
    }

    /**
     * The timeout bounds the whole exchange ({@link HttpTool} waits at most this long for the complete response,
     * body included). It is also the JDK request's own timeout, which bounds the wait for the response headers,
     * connecting included: the JDK starts that timer before it connects (and reports an expiry there as
     * {@code HttpConnectTimeoutException}), which is how one shared client honours a per-request connect timeout.
     */
    private static Duration timeout(Object value) throws Invalid {
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
            return Duration.ofMillis(((Number) value).longValue());
        }
        throw new Invalid("HTTP tool request timeout must be a positive integer of milliseconds");
    }

    private static long maxBodyBytes(Object value) throws Invalid {
        if (value == null) {
            return DEFAULT_MAX_BODY_BYTES;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
            return ((Number) value).longValue();
        }
        throw new Invalid("HTTP tool request max_body_bytes must be a positive integer of bytes");
    }

    private static Map<String, List<String>> headers(Object value) throws Invalid {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        String invalid = "HTTP tool request headers must map names to strings or lists of strings";
        if (!(value instanceof Map<?, ?> given)) {
            throw new Invalid(invalid);
        }
        for (Map.Entry<?, ?> header : given.entrySet()) {
            if (!(header.getKey() instanceof String name)) {
                throw new Invalid(invalid);
            }
            if (header.getValue() instanceof String single) {
                headers.put(name, List.of(single));
            } else if (header.getValue() instanceof List<?> several && several.stream().allMatch(String.class::isInstance)) {
                headers.put(name, several.stream().map(String.class::cast).toList());
            } else {
                throw new Invalid(invalid);
            }
        }
        return headers;
    }

    /** Also adds the JSON content type to {@code headers} unless the step chose its own. */
    private static BodyPublisher body(Map<String, Object> request, Map<String, List<String>> headers) throws Invalid {
        Object raw = request.get("body");
        // json is tested by key: a JSON null is a legitimate body.
        if (request.containsKey("json")) {
            if (raw != null) {
                throw new Invalid("HTTP tool requests take either json or body, not both");
            }
            if (headers.keySet().stream().noneMatch(CONTENT_TYPE::equalsIgnoreCase)) {
                headers.put(CONTENT_TYPE, List.of("application/json"));
            }
            return BodyPublishers.ofString(json(request.get("json")));
        }
        if (raw == null) {
            return BodyPublishers.noBody();
        }
        if (!(raw instanceof String text)) {
            throw new Invalid("HTTP tool request body must be a string");
        }
        return BodyPublishers.ofString(text);
    }

    private static String json(Object value) throws Invalid {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new Invalid("HTTP tool request json cannot be encoded: " + e.getOriginalMessage());
        }
    }

    /** Appends form-encoded params; a list value repeats the key, a null value sends it empty. */
    private static String withQuery(String url, Object params) throws Invalid {
        if (params == null) {
            return url;
        }
        if (!(params instanceof Map<?, ?> given)) {
            throw new Invalid("HTTP tool request params must be a map");
        }
        if (given.isEmpty()) {
            return url;
        }
        StringJoiner query = new StringJoiner("&");
        given.forEach((key, value) -> {
            Collection<?> values = value instanceof Collection<?> several ? several : Collections.singletonList(value);
            values.forEach(each -> query.add(encode(key) + "=" + encode(each == null ? "" : each)));
        });
        // A fragment must stay last, or the query would end up inside it.
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.indexOf('?') < 0 ? "?" : "&") + query + fragment;
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    /** A request the tool refuses to send; the message says why. */
    static final class Invalid extends Exception {

        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }
}
