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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The deployed workflow definitions as {@link Workflow#describe()} shows them: triggers, payload, steps, graph. */
@Path("/workflows")
@RequestScoped
public class WorkflowResource {

    @Inject
    SquidMesh squidMesh;

    /** The newest version of each workflow, each with {@code versions}: every version and the runs pinned to it. */
    @GET
    public Response list() {
        return JsonResponses.ok(Map.of("workflows", squidMesh.workflows().stream()
                .sorted(Comparator.comparing(Workflow::name))
                .map(this::withVersions)
                .toList()));
    }

    /** The newest version, or the one {@code ?version=} names, with {@code versions}. */
    @GET
    @Path("{name}")
    public Response describe(@PathParam("name") String name, @QueryParam("version") String version) {
        Workflow workflow = squidMesh.workflow(name, version).orElseThrow(() -> version == null
                || squidMesh.workflow(name).isEmpty()
                ? Problems.notFound("no workflow named " + name + " is deployed", Map.of("workflow", name))
                : Problems.notFound("workflow " + name + " has no deployed version " + version,
                        Map.of("workflow", name, "version", version)));
        return JsonResponses.ok(withVersions(workflow));
    }

    private Map<String, Object> withVersions(Workflow workflow) {
        Map<String, Object> described = workflow.describe();
        described.put("versions", squidMesh.workflowVersions(workflow.name()).stream().map(v -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", v.version());
            json.put("fingerprint", v.fingerprint());
            json.put("newest", v.newest());
            json.put("deployed", v.deployed());
            json.put("active_runs", v.activeRuns());
            json.put("stale_runs", v.staleRuns());
            return json;
        }).toList());
        return described;
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
