package io.squidmesh.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The web layer's own rejections (bodies, query parameters). */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        return e.closeConnection()
                ? ProblemResponses.of(Response.status(e.problem().status()).header("Connection", "close"), e.problem())
                : ProblemResponses.of(e.problem());
    }
}
