package io.squidmesh.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's single Jackson configuration. Objects keep their key order ({@link LinkedHashMap}),
 * integral numbers read back as {@code Integer}/{@code Long}/{@code BigInteger} and fractions as
 * {@code Double}, so a value round-trips through the database with the type it was validated with.
 */
public final class Json {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** The shared mapper; callers must not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UnwritableJsonException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a JSON object.
     *
     * @throws MalformedJsonException when the text is not JSON or its top level is not an object
     */
    public static Map<String, Object> readObject(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedJsonException("expected a JSON object but the text is empty");
        }
        String trimmed = json.strip();
        if (!trimmed.startsWith("{")) {
            throw new MalformedJsonException("expected a JSON object");
        }
        try {
            return MAPPER.readValue(trimmed, OBJECT);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(describe(e));
        }
    }

    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "malformed JSON" + where + ": " + e.getOriginalMessage();
    }
}
