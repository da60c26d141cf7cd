package io.squidmesh.web;

import io.squidmesh.json.Json;
import io.squidmesh.web.problem.Problem;
import io.squidmesh.web.problem.Problems;
import io.squidmesh.web.request.MediaTypeHeadersFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page for every answer the container gives by itself, before or around the API: 401 without valid
 * credentials, 403 for a role the security constraints refuse, 400/404/405/406/415 from the servlet or JAX-RS
 * layer, and 500 for a failure outside the API's own exception mappers. Each carries a problem body with a
 * {@code code}, like the API's own errors. A malformed BASIC {@code Authorization} header, which the server's
 * authentication mechanism fails on with an internal error, is answered as what it is: 401; a literal ':' in the
 * path, on which the authorization check fails for a caller the constraint refuses, as what it is: 403.
 * Requested directly, this page is just not found.
 */
@WebServlet(ContainerProblemServlet.PATH)
public class ContainerProblemServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(ContainerProblemServlet.class.getName());

    static final String PATH = "/container-error";

    /** The realm web.xml's {@code login-config} names, as the container's own challenges carry it. */
    static final String CHALLENGE = "Basic realm=\"Squid Mesh\"";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 404;
        Problem problem;
        if (code >= 500 && BasicCredentials.malformed(request.getHeader("Authorization"))) {
            problem = Problem.ofStatus(401, "the Authorization header is malformed: BASIC credentials are the "
                    + "base64 encoding of user:password");
            response.setHeader("WWW-Authenticate", CHALLENGE);
        } else if (code >= 500 && refusedByRoleAtAColon(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            problem = Problem.ofStatus(403, detail(403));
        } else if (code >= 500) {
            String errorId = UUID.randomUUID().toString();
            Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            LOG.log(Level.SEVERE, "unexpected error answering " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                    + ", error id " + errorId, error instanceof Throwable t ? t : null);
            problem = Problems.internalError(errorId);
        } else if (code == 400) {
            problem = MediaTypeHeadersFilter.problem(request.getHeader("Accept"), request.getHeader("Content-Type"))
                    .orElseGet(() -> Problem.ofStatus(code, detail(code)));
        } else {
            problem = Problem.ofStatus(code, detail(code));
        }
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        SecurityHeadersFilter.apply(response);
        response.getOutputStream().write(Json.mapper().writeValueAsBytes(problem.toJson()));
    }

    /**
     * Whether the failure is the server's authorization check stumbling on a literal ':' in the path (message ids
     * hold colons). The check compares the caller's roles with the constraint's first and only when they do not
     * match builds a {@code WebResourcePermission} from the path, which reads ':' as a pattern separator and throws:
     * the caller's roles were already refused, so the answer is what the constraint says, 403. A caller whose roles
     * match never reaches that permission and gets the API's own answer.
     */
    static boolean refusedByRoleAtAColon(Object error) {
        for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().equals("jakarta.security.jacc.WebResourcePermission")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its headers, media types or address could not be read)";
            case 401 -> "authentication required: send the credentials of a user with the squidmesh-viewer or "
                    + "squidmesh-operator role";
            case 403 -> "your role does not allow this operation: reading needs squidmesh-viewer or "
                    + "squidmesh-operator, acting needs squidmesh-operator";
            case 404 -> "there is no resource at this address";
            case 405 -> "this resource does not support the request's method";
            case 406 -> "this resource cannot answer in a media type the Accept header allows";
            case 413 -> "the request body is too large";
            case 415 -> "the request body must be application/json";
            default -> "the request could not be processed (HTTP " + status + ")";
        };
    }
}
