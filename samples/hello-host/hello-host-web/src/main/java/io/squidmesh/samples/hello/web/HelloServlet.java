package io.squidmesh.samples.hello.web;

// tag::servlet[]
import io.squidmesh.InvalidRunIdException;
import io.squidmesh.Run;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.samples.hello.HelloRuns;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * POST /hello/greetings?name=Ada starts a run; GET /hello/greetings?id=... tells its status. Every answer is one
 * line of plain text; bad input gets a 4xx that says what is wrong, never a server error.
 */
@WebServlet("/greetings")
public class HelloServlet extends HttpServlet {

    @Inject
    HelloRuns runs;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        if (name == null || name.isBlank()) {
            reply(response, HttpServletResponse.SC_BAD_REQUEST, "name is required, e.g. POST /hello/greetings?name=Ada");
            return;
        }
        Run run = runs.greet(name.strip());
        response.setHeader("Location", request.getRequestURL() + "?id=" + run.id());
        reply(response, HttpServletResponse.SC_CREATED, run.id() + " " + run.status());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null || id.isBlank()) {
            reply(response, HttpServletResponse.SC_BAD_REQUEST, "id is required: the run id that POST answered");
            return;
        }
        try {
            Run run = runs.find(id.strip());
            reply(response, HttpServletResponse.SC_OK, run.id() + " " + run.status() + " " + run.context());
        } catch (InvalidRunIdException e) {
            // the engine's errors are application exceptions: they reach the caller of an EJB as thrown
            reply(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (RunNotFoundException e) {
            reply(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        }
    }

    private static void reply(HttpServletResponse response, int status, String line) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().println(line);
    }
}
// end::servlet[]
