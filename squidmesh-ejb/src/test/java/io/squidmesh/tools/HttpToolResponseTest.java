package io.squidmesh.tools;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JDK's HTTP/1.1 client already lower-cases header names, so the server tests cannot show that
 * the tool does it itself; a hand-made response with mixed-case names can.
 */
class HttpToolResponseTest {

    private record Response(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri()).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://example.test/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_2;
        }
    }

    @Test
    void headerNamesAreLowerCasedAndSingleValuesUnwrapped() {
        HttpHeaders headers = HttpHeaders.of(
                Map.of("Content-Type", List.of("Application/JSON"), "Set-Cookie", List.of("a=1", "b=2")),
                (name, value) -> true);

        Map<String, Object> map = HttpToolResponse.toMap(new Response(200, headers, "[1,2]"));

        assertEquals(Map.of("content-type", "Application/JSON", "set-cookie", List.of("a=1", "b=2")), map.get("headers"));
        assertEquals(List.of(1, 2), map.get("body"), "the media type is matched case-insensitively");
    }
}
