package io.squidmesh.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * The dashboard's pages and assets are static files: they answer GET, HEAD and OPTIONS, and any other method is
 * 405 with an {@code Allow} header (a problem, through the error page). Without this, the servlet API answers an
 * unknown method (PATCH, PROPFIND, ...) with 501, a server error for what is the client's mistake. The API under
 * {@code /api} has its own method handling (JAX-RS: 405 with {@code Allow}).
 */
@WebFilter(filterName = "squidmesh-dashboard-methods", urlPatterns = "/*")
public class DashboardMethodsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final Set<String> ALLOWED = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isDashboard(request.getServletPath()) && !ALLOWED.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Everything but the API (served under {@code /api} by JAX-RS). */
    static boolean isDashboard(String servletPath) {
        return !(servletPath.equals("/api") || servletPath.startsWith("/api/"));
    }
}
