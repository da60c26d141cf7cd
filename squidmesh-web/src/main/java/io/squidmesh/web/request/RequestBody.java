package io.squidmesh.web.request;

import io.squidmesh.json.Json;
import io.squidmesh.json.MalformedJsonException;
import io.squidmesh.web.problem.Problems;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body as a JSON object, without help from the server's JSON provider: at most
 * {@value #MAX_BYTES} bytes (413 beyond), {@code application/json} or {@code application/*+json} (415
 * otherwise; a body without a Content-Type is read as JSON), and {@code malformed_json} (400) when the text
 * is not a JSON object.
 */
public final class RequestBody {

    public static final int MAX_BYTES = 1024 * 1024;

    private RequestBody() {
    }

    /** A body that must be present, e.g. the start request. */
    public static Map<String, Object> required(HttpHeaders headers, InputStream body) {
        return read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), body, true);
    }

    /** A body that may be absent, e.g. an action's optional comment; absent reads as {@code {}}. */
    public static Map<String, Object> optional(HttpHeaders headers, InputStream body) {
        return read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), body, false);
    }

    static Map<String, Object> read(String contentType, String contentLength, InputStream body, boolean required) {
        if (declaredLength(contentLength) > MAX_BYTES) {
            throw Problems.payloadTooLarge(MAX_BYTES);
        }
        byte[] bytes = readAtMost(body, MAX_BYTES);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            if (required) {
                throw Problems.malformedJson("the request body must be a JSON object, but it is empty");
            }
            return new LinkedHashMap<>();
        }
        if (contentType != null && !isJson(contentType)) {
            throw Problems.unsupportedMediaType(contentType);
        }
        try {
            return Json.readObject(text);
        } catch (MalformedJsonException e) {
            throw Problems.malformedJson(e.getMessage());
        }
    }

    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads one byte past the limit to tell "exactly the limit" from "more". */
    private static byte[] readAtMost(InputStream body, int limit) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw Problems.payloadTooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }
}
