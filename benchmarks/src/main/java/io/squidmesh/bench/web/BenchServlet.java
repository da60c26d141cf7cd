package io.squidmesh.bench.web;

import io.squidmesh.bench.server.BenchControl;
import io.squidmesh.json.Json;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * The benchmark driver's endpoint (bench server only, never in the reference EAR):
 * {@code GET /squidmesh-bench/control?op=...} runs one in-server measurement and answers JSON.
 */
@WebServlet("/control")
public class BenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    BenchControl control;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object result;
        try {
            result = switch (request.getParameter("op")) {
                case "ping" -> control.ping();
                case "loop" -> control.loop(request.getParameter("workflow"), integer(request, "in_flight"),
                        integer(request, "warmup_ms"), integer(request, "measure_ms"),
                        Boolean.parseBoolean(request.getParameter("statistics")));
                case "b1" -> control.b1(integer(request, "chains"), integer(request, "warmup_ms"),
                        integer(request, "measure_ms"));
                case "start_rate" -> control.startRate(request.getParameter("workflow"), integer(request, "threads"),
                        integer(request, "measure_ms"));
                case "reads" -> control.reads(request.getParameter("workflow"), integer(request, "repetitions"));
                case "statistics" -> control.statistics();
                case "heap" -> control.heap();
                default -> throw new IllegalArgumentException("unknown op");
            };
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            response.setStatus(500);
            result = Map.of("error", trace.toString());
        }
        response.setContentType("application/json");
        response.getWriter().write(Json.write(result));
    }

    private static int integer(HttpServletRequest request, String name) {
        return Integer.parseInt(request.getParameter(name));
    }
}
