package io.squidmesh.web.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3 description of this API, a static file kept in step with the resources by a unit test
 * ({@code OpenApiContractTest}). Public, like health: it describes the API, it holds no data.
 */
@Path("/openapi")
@ApplicationScoped
public class OpenApiResource {

    /** Where the description lives on the class path, next to this class. */
    public static final String FILE = "openapi.yaml";
    public static final String MEDIA_TYPE = "application/yaml";

    @GET
    public Response openApi() {
        return Response.ok(Holder.DOCUMENT, MEDIA_TYPE).build();
    }

    /** Read once, on first use. */
    private static final class Holder {
        static final byte[] DOCUMENT = read();

        private static byte[] read() {
            try (InputStream in = OpenApiResource.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException(FILE + " is missing from the web module");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
