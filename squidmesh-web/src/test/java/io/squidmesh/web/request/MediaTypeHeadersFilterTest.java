package io.squidmesh.web.request;

import io.squidmesh.web.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaTypeHeadersFilterTest {

    @Test
    void wellFormedHeadersPass() {
        for (String accept : List.of("application/json", "*/*", "application/json, text/plain;q=0.5, */*;q=0",
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "a/b,,c/d",
                "application/json;charset=\"utf-8\";q=1.000", "")) {
            assertTrue(MediaTypeHeadersFilter.problem("Accept", accept, true).isEmpty(), accept);
        }
        for (String type : List.of("application/json", "application/json; charset=UTF-8", "text/plain",
                "multipart/form-data; boundary=x")) {
            assertTrue(MediaTypeHeadersFilter.problem("Content-Type", type, false).isEmpty(), type);
        }
    }

    @Test
    void malformedHeadersAreNamed() {
        Problem weight = MediaTypeHeadersFilter.problem("Accept", "*/*;q=abc", true).orElseThrow();
        assertEquals(400, weight.status());
        assertEquals("invalid_header", weight.code());
        assertEquals("Accept", weight.extensions().get("header"));
        assertEquals("the Accept header is malformed: the weight q must be a number from 0 to 1, was 'abc'", weight.detail());
        for (String accept : List.of("no/such;;q==", "text/html;q=x", "text/html;q=2", "json", "/", "a/b/c")) {
            assertTrue(MediaTypeHeadersFilter.problem("Accept", accept, true).isPresent(), accept);
        }
        for (String type : List.of("garbage", "/", "application/json, text/plain", "application/json;;charset")) {
            assertEquals("Content-Type", MediaTypeHeadersFilter.problem("Content-Type", type, false).orElseThrow()
                    .extensions().get("header"), type);
        }
    }
}
