package io.squidmesh.web;

import io.squidmesh.json.Json;
import io.squidmesh.web.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page for the answers the container gives before the API runs (401 without valid credentials,
 * 403 for a role the security constraints refuse), so that they carry a problem body like the API's own.
 * Requested directly, it is just not found.
 */
@WebServlet(ContainerProblemServlet.PATH)
public class ContainerProblemServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/container-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Problem problem = status instanceof Integer code
                ? Problem.ofStatus(code, detail(code))
                : Problem.ofStatus(404, detail(404));
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(Json.mapper().writeValueAsBytes(problem.toJson()));
    }

    private static String detail(int status) {
        return switch (status) {
            case 401 -> "authentication required: send the credentials of a user with the squidmesh-viewer or "
                    + "squidmesh-operator role";
            case 403 -> "your role does not allow this operation: reading needs squidmesh-viewer or "
                    + "squidmesh-operator, acting needs squidmesh-operator";
            case 404 -> "there is no resource at this address";
            default -> "the request could not be processed (HTTP " + status + ")";
        };
    }
}
