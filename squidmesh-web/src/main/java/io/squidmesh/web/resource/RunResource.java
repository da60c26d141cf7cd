package io.squidmesh.web.resource;

import io.squidmesh.Run;
import io.squidmesh.RunStart;
import io.squidmesh.StartOptions;
import io.squidmesh.SquidMesh;
import io.squidmesh.web.json.JsonResponses;
import io.squidmesh.web.json.RunJson;
import io.squidmesh.web.request.ActionRequest;
import io.squidmesh.web.request.EventRequest;
import io.squidmesh.web.request.MigrateRequest;
import io.squidmesh.web.request.QueryParameters;
import io.squidmesh.web.request.ReplayRequest;
import io.squidmesh.web.request.RequestBody;
import io.squidmesh.web.request.StartRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.net.URI;

/**
 * Runs: start, list, inspect and the operator actions. Bodies arrive as raw streams and are read by
 * {@link RequestBody}, so size, media type and malformed JSON get this API's own answers. An action is one
 * method: read an {@link ActionRequest}, call the facade, answer the updated run with {@link #ok(Run)}.
 */
@Path("/runs")
@RequestScoped
public class RunResource {

    /** The header that makes a start idempotent: its value is the run key. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    SquidMesh squidMesh;

    @GET
    public Response list(@QueryParam("workflow") String workflow, @QueryParam("status") String status,
                         @QueryParam("limit") String limit, @QueryParam("after") String after,
                         @QueryParam("key") String key) {
        return JsonResponses.ok(RunJson.page(squidMesh.listRuns(
                QueryParameters.runQuery(workflow, status, limit, after, key))));
    }

    @POST
    public Response start(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        StartRequest request = StartRequest.from(RequestBody.required(headers, body));
        String key = headers.getHeaderString(IDEMPOTENCY_KEY);
        if (key == null && request.version() == null && request.priority() == null) {
            Run run = request.trigger() == null
                    ? squidMesh.startRun(request.workflow(), request.payload())
                    : squidMesh.startRun(request.workflow(), request.trigger(), request.payload());
            return created(uri, run);
        }
        // a repeated start answers the run the first one created: 200, not 201, and nothing new behind it
        RunStart start = squidMesh.startRun(request.workflow(), request.payload(),
                new StartOptions(request.trigger(), key, request.version(), request.priority()));
        return start.created() ? created(uri, start.run()) : ok(start.run());
    }

    @GET
    @Path("{id}")
    public Response inspect(@PathParam("id") String id, @QueryParam("history") String history) {
        return ok(squidMesh.inspectRun(id, QueryParameters.flag("history", history)));
    }

    /**
     * The body's comment and metadata are checked but not kept: {@code cancelRun} takes no attributes, and
     * SPEC §8 has no audit event for a cancellation.
     */
    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        ActionRequest.from(RequestBody.optional(headers, body));
        return ok(squidMesh.cancelRun(id));
    }

    /** An external event for the run ({@code SquidMesh.signalRun}): 202 with the stored event. */
    @POST
    @Path("{id}/events/{event}")
    public Response signal(@PathParam("id") String id, @PathParam("event") String event, @Context HttpHeaders headers,
                           InputStream body) {
        EventRequest request = EventRequest.from(RequestBody.optional(headers, body));
        return JsonResponses.accepted(RunJson.event(
                squidMesh.signalRun(id, event, request.payload(), request.idempotencyKey())));
    }

    @GET
    @Path("{id}/explanation")
    public Response explain(@PathParam("id") String id) {
        return JsonResponses.ok(RunJson.explanation(squidMesh.explainRun(id)));
    }

    @POST
    @Path("{id}/unblock")
    public Response unblock(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        return ok(squidMesh.unblockRun(id, ActionRequest.from(RequestBody.optional(headers, body)).manualAction()));
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        return ok(squidMesh.approveRun(id, ActionRequest.from(RequestBody.optional(headers, body)).manualAction()));
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        return ok(squidMesh.rejectRun(id, ActionRequest.from(RequestBody.optional(headers, body)).manualAction()));
    }

    /** {@code {"version", "step"?}}: the run goes on at that step of that deployed version (SquidMesh#migrateRun). */
    @POST
    @Path("{id}/migrate")
    public Response migrate(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        MigrateRequest request = MigrateRequest.from(RequestBody.required(headers, body));
        return ok(squidMesh.migrateRun(id, request.version(), request.step()));
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                           InputStream body) {
        ReplayRequest request = ReplayRequest.from(RequestBody.optional(headers, body));
        return created(uri, squidMesh.replayRun(id, request.allowIrreversible()));
    }

    private static Response ok(Run run) {
        return JsonResponses.ok(RunJson.run(run));
    }

    /** 201 with the new run's address, for starts (and replays). */
    private static Response created(UriInfo uri, Run run) {
        URI location = uri.getBaseUriBuilder().path(RunResource.class).path(run.id().toString()).build();
        return JsonResponses.created(location, RunJson.run(run));
    }
}
