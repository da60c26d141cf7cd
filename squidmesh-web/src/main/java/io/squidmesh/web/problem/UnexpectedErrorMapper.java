package io.squidmesh.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our fault: log it with an error id and answer 500 {@code internal_error} carrying only
 * that id, never a stack trace or an exception message that might expose internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error in the operator API, error id " + errorId, e);
        return ProblemResponses.of(Problems.internalError(errorId));
    }
}
