package io.squidmesh.web.problem;

import io.squidmesh.web.json.JsonResponses;
import jakarta.ws.rs.core.Response;

/** A {@link Problem} as an HTTP response. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return of(Response.status(problem.status()), problem);
    }

    /** On a builder that already carries headers, e.g. {@code Allow} on a 405. */
    public static Response of(Response.ResponseBuilder response, Problem problem) {
        return JsonResponses.json(response.status(problem.status()), Problem.MEDIA_TYPE, problem.toJson());
    }
}
