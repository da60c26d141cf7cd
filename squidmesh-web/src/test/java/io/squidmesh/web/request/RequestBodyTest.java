package io.squidmesh.web.request;

import io.squidmesh.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBodyTest {

    @Test
    void readsAJsonObjectKeepingIntegersIntegral() {
        assertEquals(Map.of("workflow", "w", "payload", Map.of("n", 7)),
                read("application/json; charset=utf-8", "{\"workflow\":\"w\",\"payload\":{\"n\":7}}", true));
        assertEquals(Map.of("a", true), read("application/merge-patch+json", "{\"a\":true}", true));
        assertEquals(Map.of("a", 1), read(null, "{\"a\":1}", true));
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectWhenOptionalAndMalformedWhenRequired() {
        assertEquals(Map.of(), read("text/plain", "", false));
        assertEquals(Map.of(), read(null, "  \n", false));
        assertEquals("malformed_json", code(() -> read("application/json", "", true)));
    }

    @Test
    void textThatIsNotAJsonObjectIsMalformed() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("application/json", "{\"workflow\":", true));
        assertEquals("malformed_json", e.problem().code());
        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().contains("line 1"), e.problem().detail());
        assertEquals("malformed_json", code(() -> read("application/json", "[1,2]", true)));
        assertEquals("malformed_json", code(() -> read("application/json", "{} {}", true)));
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("text/plain", "{}", true));
        assertEquals(415, e.problem().status());
        assertEquals("unsupported_media_type", e.problem().code());
        assertEquals("unsupported_media_type", code(() -> read("application/x-www-form-urlencoded", "a=1", false)));
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedWhetherDeclaredOrStreamed() {
        String atLimit = "{\"a\":\"" + "x".repeat(RequestBody.MAX_BYTES - 8) + "\"}";
        assertEquals(RequestBody.MAX_BYTES, atLimit.length());
        assertEquals(RequestBody.MAX_BYTES - 8, ((String) read("application/json", atLimit, true).get("a")).length());

        String over = atLimit + " ";
        assertEquals("payload_too_large", code(() -> read("application/json", over, true)));
        ProblemException declared = assertThrows(ProblemException.class, () -> RequestBody.read("application/json",
                String.valueOf(RequestBody.MAX_BYTES + 1), stream("{}"), true));
        assertEquals(413, declared.problem().status());
    }

    private static Map<String, Object> read(String contentType, String body, boolean required) {
        return RequestBody.read(contentType, null, stream(body), required);
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String code(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem().code();
    }
}
