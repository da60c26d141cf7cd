package io.squidmesh.web.problem;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The engine's own role check refused the caller. The web descriptor normally refuses first; this keeps the
 * answer a 403 should the two ever disagree (e.g. a deployment that loosens {@code web.xml}).
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Override
    public Response toResponse(EJBAccessException e) {
        return ProblemResponses.of(Problems.forbidden());
    }
}
