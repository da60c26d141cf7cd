package io.squidmesh.web.resource;

import io.squidmesh.RunStatus;
import io.squidmesh.RunsOverview;
import io.squidmesh.SquidMesh;
import io.squidmesh.web.json.JsonResponses;
import io.squidmesh.web.request.QueryParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard's overview: the load and the incidents of the last {@code minutes} (default 60, from 5 to 1440),
 * as {@link SquidMesh#overview} reads them. Viewers may read it.
 */
@Path("/overview")
@RequestScoped
public class OverviewResource {

    static final int DEFAULT_MINUTES = 60;
    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 1440;

    @Inject
    SquidMesh squidMesh;

    @GET
    public Response overview(@QueryParam("minutes") String minutes) {
        int window = QueryParameters.integer("minutes", minutes, DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES);
        RunsOverview overview = squidMesh.overview(Duration.ofMinutes(window));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", overview.from().toString());
        json.put("to", overview.to().toString());
        json.put("minutes", overview.minutes().stream().map(m -> {
            Map<String, Object> minute = new LinkedHashMap<>();
            minute.put("at", m.at().toString());
            minute.put("started", m.started());
            minute.put("completed", m.completed());
            minute.put("failed", m.failed());
            minute.put("cancelled", m.cancelled());
            return minute;
        }).toList());
        Map<String, Object> open = new LinkedHashMap<>();
        overview.open().forEach((RunStatus status, Long count) -> open.put(status.value(), count));
        json.put("open", open);
        json.put("failures", overview.failures().stream().map(f -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("workflow", f.workflow());
            failure.put("reason", f.reason());
            failure.put("runs", f.runs());
            failure.put("last_run_id", f.lastRunId());
            failure.put("last_at", f.lastAt().toString());
            return failure;
        }).toList());
        json.put("steps", overview.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("workflow", s.workflow());
            step.put("step", s.step());
            step.put("attempts", s.attempts());
            step.put("failed", s.failed());
            step.put("p50_ms", s.p50Ms());
            step.put("p95_ms", s.p95Ms());
            step.put("max_ms", s.maxMs());
            return step;
        }).toList());
        return JsonResponses.ok(json);
    }
}
