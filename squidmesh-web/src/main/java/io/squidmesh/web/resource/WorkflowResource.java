package io.squidmesh.web.resource;

import io.squidmesh.SquidMesh;
import io.squidmesh.web.json.JsonResponses;
import io.squidmesh.web.json.RunJson;
import io.squidmesh.web.request.EventRequest;
import io.squidmesh.web.request.RequestBody;
import io.squidmesh.web.problem.Problems;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

import java.util.Comparator;
import java.util.Map;

/** The deployed workflow definitions as {@link Workflow#describe()} shows them: triggers, payload, steps, graph. */
@Path("/workflows")
@RequestScoped
public class WorkflowResource {

    @Inject
    SquidMesh squidMesh;

    @GET
    public Response list() {
        return JsonResponses.ok(Map.of("workflows", squidMesh.workflows().stream()
                .sorted(Comparator.comparing(Workflow::name))
                .map(Workflow::describe)
                .toList()));
    }

    @GET
    @Path("{name}")
    public Response describe(@PathParam("name") String name) {
        Workflow workflow = squidMesh.workflow(name).orElseThrow(() -> Problems.notFound(
                "no workflow named " + name + " is deployed", Map.of("workflow", name)));
        return JsonResponses.ok(workflow.describe());
    }

    /**
     * An external event for the run started with this run key ({@code SquidMesh.signalRunByKey}): senders that know
     * their business key need not keep the run's id. 202 with the stored event.
     */
    @POST
    @Path("{name}/runs/{key}/events/{event}")
    public Response signal(@PathParam("name") String name, @PathParam("key") String key,
                           @PathParam("event") String event, @Context HttpHeaders headers, InputStream body) {
        EventRequest request = EventRequest.from(RequestBody.optional(headers, body));
        return JsonResponses.accepted(RunJson.event(
                squidMesh.signalRunByKey(name, key, event, request.payload(), request.idempotencyKey())));
    }
}
