package io.squidmesh.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime raises before a resource runs: unknown route (404), wrong method (405, keeping
 * its {@code Allow} header), unsupported media types. Answered as problems like every other error.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.ResponseBuilder response = Response.status(original.getStatus());
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return ProblemResponses.of(response, Problem.ofStatus(original.getStatus(), detail(original.getStatus())));
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "there is no resource at this address";
            case 405 -> "this resource does not support the request's method; see the Allow header";
            case 406 -> "this resource answers only with application/json";
            case 415 -> "the request body must be application/json";
            default -> "the request could not be processed (HTTP " + status + ")";
        };
    }
}
