package io.squidmesh.samples.hello.web;

// tag::servlet[]
import io.squidmesh.Run;
import io.squidmesh.samples.hello.HelloRuns;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** POST /hello/greetings?name=Ada starts a run; GET /hello/greetings?id=... tells its status. */
@WebServlet("/greetings")
public class HelloServlet extends HttpServlet {

    @Inject
    HelloRuns runs;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Run run = runs.greet(request.getParameter("name"));
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType("text/plain");
        response.getWriter().println(run.id() + " " + run.status());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Run run = runs.find(request.getParameter("id"));
        response.setContentType("text/plain");
        response.getWriter().println(run.id() + " " + run.status() + " " + run.context());
    }
}
// end::servlet[]
