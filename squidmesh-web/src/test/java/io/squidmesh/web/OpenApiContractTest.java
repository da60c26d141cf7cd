package io.squidmesh.web;

import io.squidmesh.web.resource.OpenApiResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * openapi.yaml and the JAX-RS resources describe the same API: every resource method's verb and path is
 * documented, with the same path parameters, and nothing documented is missing from the code.
 */
class OpenApiContractTest {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyResourceOperationIsDocumentedAndEveryDocumentedOperationExists() {
        assertEquals(documentedOperations().keySet(), implementedOperations().keySet());
    }

    @Test
    void documentedPathParametersAreTheOnesTheResourcesRead() {
        Map<String, Set<String>> documented = documentedOperations();
        implementedOperations().forEach((operation, pathParams) -> {
            assertEquals(pathParams, documented.get(operation), "path parameters of " + operation);
            assertEquals(templateNames(operation), pathParams, "template of " + operation);
        });
    }

    /** A resource that is not registered would silently not exist, and would escape the check above. */
    @Test
    void everyResourceClassOfTheModuleIsRegistered() throws IOException, URISyntaxException {
        java.nio.file.Path classes = java.nio.file.Path.of(
                OperatorApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> annotated;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            annotated = files.map(classes::relativize).map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                    .map(OpenApiContractTest::load)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .map(Class::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(annotated, OperatorApi.RESOURCES.stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(new OperatorApi().getClasses().containsAll(OperatorApi.RESOURCES));
    }

    /** "GET /runs/{id}" → the path parameters its Java method reads. */
    private static Map<String, Set<String>> implementedOperations() {
        Map<String, Set<String>> operations = new TreeMap<>();
        for (Class<?> resource : OperatorApi.RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normalize(base + "/" + (sub == null ? "" : sub.value()));
                Set<String> params = Arrays.stream(method.getParameters())
                        .map(p -> p.getAnnotation(PathParam.class)).filter(p -> p != null)
                        .map(PathParam::value).collect(Collectors.toCollection(TreeSet::new));
                operations.put(verb + " " + path, params);
            }
        }
        return operations;
    }

    @SuppressWarnings("unchecked") // SnakeYAML reads mappings as Map<String, Object>
    private static Map<String, Set<String>> documentedOperations() {
        Map<String, Object> document = readOpenApi();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> sharedParameters = (Map<String, Object>)
                ((Map<String, Object>) document.get("components")).get("parameters");
        Map<String, Set<String>> operations = new TreeMap<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((key, operation) -> {
            if (VERBS.contains(key)) {
                List<Object> parameters = (List<Object>) ((Map<String, Object>) operation)
                        .getOrDefault("parameters", List.of());
                Set<String> inPath = parameters.stream()
                        .map(p -> resolve((Map<String, Object>) p, sharedParameters))
                        .filter(p -> "path".equals(p.get("in")))
                        .map(p -> (String) p.get("name"))
                        .collect(Collectors.toCollection(TreeSet::new));
                operations.put(key.toUpperCase(Locale.ROOT) + " " + path, inPath);
            }
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> parameter, Map<String, Object> shared) {
        Object ref = parameter.get("$ref");
        if (ref == null) {
            return parameter;
        }
        String name = ((String) ref).substring("#/components/parameters/".length());
        return (Map<String, Object>) shared.get(name);
    }

    private static Map<String, Object> readOpenApi() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.FILE)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static Set<String> templateNames(String operation) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = TEMPLATE.matcher(operation);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
