package io.squidmesh.web.json;

import io.squidmesh.json.Json;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes {@link JsonEntity} bodies as UTF-8 JSON with the engine's Jackson configuration, so numbers and key
 * order are the ones the engine stored. The stream is left open: it belongs to the container.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class JsonEntityWriter implements MessageBodyWriter<JsonEntity> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonEntity.class;
    }

    @Override
    public void writeTo(JsonEntity entity, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(Json.mapper().writeValueAsBytes(entity.value()));
    }
}
