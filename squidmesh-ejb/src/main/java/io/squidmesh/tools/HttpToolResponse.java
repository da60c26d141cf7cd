package io.squidmesh.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.squidmesh.json.Json;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP response as plain data: the payload of a successful call and the details of a failed one
 * share this shape, so a step reads status, headers and body the same way in both.
 */
final class HttpToolResponse {

    private HttpToolResponse() {
    }

    /** {@code {status, headers, body, trailers}}; HTTP/1.1 trailers are not exposed by the JDK, so empty. */
    static Map<String, Object> toMap(HttpResponse<String> response) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", response.statusCode());
        map.put("headers", headers(response.headers()));
        map.put("body", body(response));
        map.put("trailers", Map.of());
        return map;
    }

    /** Names lower-cased so steps need not guess the server's spelling; one value stays a plain string. */
    private static Map<String, Object> headers(HttpHeaders headers) {
        Map<String, Object> map = new LinkedHashMap<>();
        headers.map().forEach((name, values) ->
                map.put(name.toLowerCase(Locale.ROOT), values.size() == 1 ? values.get(0) : List.copyOf(values)));
        return map;
    }

    /**
     * A JSON body becomes maps, lists and scalars so steps can use it directly. A body that claims to
     * be JSON but is not stays text: the status is what matters then, and failing the call over the
     * body would hide it.
     */
    private static Object body(HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (!isJson(response.headers())) {
            return text;
        }
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static boolean isJson(HttpHeaders headers) {
        String mediaType = headers.firstValue("content-type")
                .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
