package io.squidmesh.web;

import io.squidmesh.web.json.JsonEntityWriter;
import io.squidmesh.web.problem.AccessDeniedMapper;
import io.squidmesh.web.problem.EngineErrorMapper;
import io.squidmesh.web.problem.HttpErrorMapper;
import io.squidmesh.web.problem.ProblemExceptionMapper;
import io.squidmesh.web.problem.UnexpectedErrorMapper;
import io.squidmesh.web.request.MediaTypeHeadersFilter;
import io.squidmesh.web.request.SameOriginFilter;
import io.squidmesh.web.resource.BulkResource;
import io.squidmesh.web.resource.HealthResource;
import io.squidmesh.web.resource.MeResource;
import io.squidmesh.web.resource.OpenApiResource;
import io.squidmesh.web.resource.IncidentsResource;
import io.squidmesh.web.resource.OverviewResource;
import io.squidmesh.web.resource.RunResource;
import io.squidmesh.web.resource.WorkflowResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The REST API's root, {@code /squidmesh/api}. Resources and providers are listed rather than scanned, so
 * every server (RESTEasy on WildFly, Jersey on Payara) runs exactly these, and the OpenAPI contract test can
 * check the same list.
 */
@ApplicationPath("/api")
public class OperatorApi extends Application {

    public static final Set<Class<?>> RESOURCES = Set.of(HealthResource.class, MeResource.class,
            OpenApiResource.class, WorkflowResource.class, RunResource.class, BulkResource.class, OverviewResource.class,
            IncidentsResource.class);

    private static final Set<Class<?>> PROVIDERS = Set.of(SameOriginFilter.class, MediaTypeHeadersFilter.class, JsonEntityWriter.class,
            EngineErrorMapper.class, ProblemExceptionMapper.class, AccessDeniedMapper.class, HttpErrorMapper.class,
            UnexpectedErrorMapper.class);

    @Override
    public Set<Class<?>> getClasses() {
        return Stream.concat(RESOURCES.stream(), PROVIDERS.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
