package io.squidmesh.web.resource;

import io.squidmesh.BulkJob;
import io.squidmesh.SquidMesh;
import io.squidmesh.web.json.JsonResponses;
import io.squidmesh.web.json.RunJson;
import io.squidmesh.web.problem.Problems;
import io.squidmesh.web.request.BulkRequest;
import io.squidmesh.web.request.RequestBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.net.URI;

/**
 * Operator bulk jobs: retention purge, bulk cancel and bulk replay run as Jakarta Batch jobs. Launching one
 * answers 202 with its address; {@code GET /bulk/{id}} follows it, and it can be stopped and restarted.
 */
@Path("/bulk")
@RequestScoped
public class BulkResource {

    @Inject
    SquidMesh squidMesh;

    @POST
    @Path("purge")
    public Response purge(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        BulkRequest request = BulkRequest.from(RequestBody.optional(headers, body), true);
        return accepted(uri, squidMesh.purgeRuns(request.filter(), request.olderThan(), request.options()));
    }

    @POST
    @Path("cancel")
    public Response cancel(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        BulkRequest request = BulkRequest.from(RequestBody.optional(headers, body), false);
        return accepted(uri, squidMesh.cancelRuns(request.filter(), request.options()));
    }

    @POST
    @Path("replay")
    public Response replay(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        BulkRequest request = BulkRequest.from(RequestBody.optional(headers, body), false);
        return accepted(uri, squidMesh.replayRuns(request.filter(), request.allowIrreversible(), request.options()));
    }

    @GET
    @Path("{id}")
    public Response status(@PathParam("id") String id) {
        return JsonResponses.ok(RunJson.bulkJob(squidMesh.bulkJob(executionId(id))));
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") String id) {
        long execution = executionId(id);
        squidMesh.stopBulkJob(execution);
        return JsonResponses.ok(RunJson.bulkJob(squidMesh.bulkJob(execution)));
    }

    @POST
    @Path("{id}/restart")
    public Response restart(@PathParam("id") String id, @Context UriInfo uri) {
        return accepted(uri, squidMesh.restartBulkJob(executionId(id)));
    }

    private Response accepted(UriInfo uri, long execution) {
        URI location = uri.getBaseUriBuilder().path(BulkResource.class).path(Long.toString(execution)).build();
        BulkJob job = squidMesh.bulkJob(execution);
        return JsonResponses.json(Response.accepted().location(location), "application/json", RunJson.bulkJob(job));
    }

    private static long executionId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problems.invalidParameter("id", id, "a job execution id (a number)");
        }
    }
}
