package io.squidmesh.web.json;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Successful answers: JSON bodies that no cache keeps (run state changes, and it is per-user data). */
public final class JsonResponses {

    private JsonResponses() {
    }

    public static Response ok(Object json) {
        return json(Response.ok(), MediaType.APPLICATION_JSON, json);
    }

    /** 202: taken in, to be acted on later (an event kept for the run). */
    public static Response accepted(Object json) {
        return json(Response.accepted(), MediaType.APPLICATION_JSON, json);
    }

    /** 201 with the new resource's address and its representation. */
    public static Response created(URI location, Object json) {
        return json(Response.created(location), MediaType.APPLICATION_JSON, json);
    }

    public static Response json(Response.ResponseBuilder response, String mediaType, Object json) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.type(mediaType).cacheControl(noStore).entity(new JsonEntity(json)).build();
    }
}
