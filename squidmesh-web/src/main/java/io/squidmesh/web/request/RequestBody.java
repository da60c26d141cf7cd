package io.squidmesh.web.request;

import io.squidmesh.json.Json;
import io.squidmesh.json.MalformedJsonException;
import io.squidmesh.web.problem.ProblemException;
import io.squidmesh.web.problem.Problems;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body as a JSON object, without help from the server's JSON provider: at most
 * {@value #MAX_BYTES} bytes (413 beyond, answered after the rest of the body is read and discarded up to a
 * bound, on a connection then closed), {@code application/json} or {@code application/*+json} (415
 * otherwise; a body without a Content-Type is read as JSON), and {@code malformed_json} (400) when the text
 * is not a JSON object.
 */
public final class RequestBody {

    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * How much of a too-large body is read and discarded before the 413. The server reads no more than its own
     * limit (WildFly: the listener's max-post-size, 10 MiB by default, 32 MiB as {@code configure-web.cli} sets it).
     */
    public static final long DISCARD_BYTES = 32L * 1024 * 1024;

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
            throw tooLarge(body);
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
        byte[] bytes;
        try {
            bytes = body.readNBytes(limit + 1);
        } catch (IOException e) {
            // the server refuses to read past its own limit (WildFly: max-post-size) with an IOException
            throw tooLarge(null);
        }
        if (bytes.length > limit) {
            throw tooLarge(body);
        }
        return bytes;
    }

    /**
     * The 413 for a body over the limit, after reading and discarding up to {@value #DISCARD_BYTES} more bytes
     * of it: a client that sends its whole body before it reads the answer (most do) then gets the answer
     * instead of a connection reset. The connection is closed after the answer, so whatever is left unread
     * (a body larger still, which the server refuses to read anyway) goes with it.
     */
    private static ProblemException tooLarge(InputStream body) {
        if (body != null) {
            try {
                long discarded = 0;
                byte[] buffer = new byte[64 * 1024];
                for (int read; discarded < DISCARD_BYTES && (read = body.read(buffer)) >= 0; ) {
                    discarded += read;
                }
            } catch (IOException e) {
                // the server refused to read further: the connection closes after the answer either way
            }
        }
        return Problems.payloadTooLarge(MAX_BYTES);
    }
}
