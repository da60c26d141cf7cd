package io.squidmesh.web.resource;

import io.squidmesh.DeadLetter;
import io.squidmesh.Incidents;
import io.squidmesh.QueueDepth;
import io.squidmesh.SquidMesh;
import io.squidmesh.StuckRun;
import io.squidmesh.web.json.JsonResponses;
import io.squidmesh.web.request.QueryParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What needs an operator now ({@link SquidMesh#incidents}): stuck runs and dead letters, readable by viewers; and
 * sending a dead letter back to work, for operators only (the security constraints refuse others' POSTs), audited.
 */
@Path("/")
@RequestScoped
public class IncidentsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    @Inject
    SquidMesh squidMesh;

    @GET
    @Path("incidents")
    public Response incidents(@QueryParam("limit") String limit) {
        Incidents incidents = squidMesh.incidents(QueryParameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", incidents.at().toString());
        json.put("stuck_runs", incidents.stuckRuns().stream().map(IncidentsResource::stuckRun).toList());
        json.put("dead_letters", incidents.deadLetters().stream().map(IncidentsResource::deadLetter).toList());
        json.put("queues", incidents.queues().stream().map(IncidentsResource::queue).toList());
        return JsonResponses.ok(json);
    }

    @POST
    @Path("dead-letters/{id}/redrive")
    public Response redrive(@PathParam("id") String id) {
        return JsonResponses.ok(deadLetter(squidMesh.redriveDeadLetter(id)));
    }

    private static Map<String, Object> stuckRun(StuckRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id().toString());
        json.put("workflow", run.workflow());
        json.put("status", run.status().value());
        json.put("current_step", run.currentStep());
        json.put("expected_by", run.expectedBy() == null ? null : run.expectedBy().toString());
        json.put("requeued", run.requeued());
        json.put("updated_at", run.updatedAt().toString());
        return json;
    }

    private static Map<String, Object> queue(QueueDepth depth) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("queue", depth.queue());
        json.put("role", depth.role());
        json.put("messages", depth.messages());
        json.put("capped", depth.capped());
        return json;
    }

    private static Map<String, Object> deadLetter(DeadLetter letter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", letter.id());
        json.put("original_id", letter.originalId());
        json.put("kind", letter.kind());
        json.put("run_id", letter.runId() == null ? null : letter.runId().toString());
        json.put("workflow", letter.workflow());
        json.put("step", letter.step());
        json.put("reason", letter.reason());
        json.put("deliveries", letter.deliveries());
        json.put("dead_at", letter.deadAt() == null ? null : letter.deadAt().toString());
        json.put("queue", letter.sourceQueue());
        return json;
    }
}
