package io.squidmesh.it.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every answer the API tests receive is checked against the OpenAPI document the API serves (squidmesh-web's
 * {@code openapi.yaml}): a documented status, the documented media type, a body that fits the documented
 * schema. A test that meets an answer the document does not describe fails there, naming what differs, so
 * the document cannot drift from what the server really says.
 *
 * <p>Requests outside the document (the dashboard, an unknown path or method the hostile-input test tries)
 * have no operation to check against and are left to the tests that send them.
 */
public final class ApiContract {

    /** The document, read from the web module's sources: what {@code GET /squidmesh/api/openapi} serves. */
    static final Path DOCUMENT = Path.of(System.getProperty("squidmesh.it.openapi",
            "../squidmesh-web/src/main/resources/io/squidmesh/web/resource/openapi.yaml"));

    private ApiContract() {
    }

    /**
     * Checks one answer; throws {@link AssertionError} naming the request, the answer and what the document
     * says otherwise.
     */
    public static void check(String method, URI uri, int status, Map<String, List<String>> headers, String body) {
        String path = uri.getRawPath();
        if (path == null || !path.contains("/api/")) {
            return;
        }
        // the document's server is /squidmesh/api; a cluster node or another context path serves the same API
        String apiPath = "/squidmesh" + path.substring(path.indexOf("/api/"));
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        Request.Method documentable = Arrays.stream(Request.Method.values())
                .filter(m -> m.name().equals(method.toUpperCase(Locale.ROOT))).findFirst().orElse(null);
        if (documentable == null) {
            return; // a method OpenAPI has no word for (FOO): no operation to check against
        }
        ValidationReport report = Holder.VALIDATOR.validateResponse(apiPath, documentable, response.build());
        if (report.hasErrors()) {
            String differences = report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .map(message -> message.getKey() + ": " + message.getMessage())
                    .collect(Collectors.joining("\n  "));
            throw new AssertionError("the answer to " + method + " " + path + " is not what the OpenAPI document says ("
                    + DOCUMENT.getFileName() + "):\n  " + differences + "\nanswer: " + status + " "
                    + (body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
    }

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(read())
                .withLevelResolver(LevelResolver.create()
                        // what is not an operation of the document is not this check's business (see above)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();

        private static String read() {
            try {
                return Files.readString(DOCUMENT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("the API tests check answers against " + DOCUMENT.toAbsolutePath()
                        + " (system property squidmesh.it.openapi names another)", e);
            }
        }
    }
}
