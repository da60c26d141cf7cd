package io.squidmesh.web;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.squidmesh.web.resource.OpenApiResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The served OpenAPI document is valid for a standard parser (swagger-parser): no error, no warning. */
class OpenApiDocumentTest {

    @Test
    void theDocumentParsesWithoutAMessage() throws IOException {
        SwaggerParseResult result = parse();
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
    }

    @Test
    void everyOperationAnswersProblemsForClientErrors() throws IOException {
        OpenAPI api = parse().getOpenAPI();
        List<String> without = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!path.equals("/health") && !path.equals("/openapi") && !hasClientError(operation)) {
                without.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), without, "operations without a documented 4xx answer");
    }

    /** A generated client names its methods after operation ids: each operation has one, none twice. */
    @Test
    void everyOperationHasItsOwnIdAndADeclaredTag() throws IOException {
        OpenAPI api = parse().getOpenAPI();
        Set<String> declaredTags = new HashSet<>();
        api.getTags().forEach(tag -> declaredTags.add(tag.getName()));
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                problems.add(where + ": no operationId");
            } else if (!ids.add(operation.getOperationId())) {
                problems.add(where + ": operationId " + operation.getOperationId() + " used twice");
            }
            if (operation.getTags() == null || !declaredTags.containsAll(operation.getTags())) {
                problems.add(where + ": tags " + operation.getTags() + " not all declared in " + declaredTags);
            }
        }));
        assertEquals(List.of(), problems);
    }

    private static boolean hasClientError(Operation operation) {
        return operation.getResponses().keySet().stream().anyMatch(code -> code.startsWith("4"));
    }

    private static SwaggerParseResult parse() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.FILE)) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            return new OpenAPIParser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options);
        }
    }
}
