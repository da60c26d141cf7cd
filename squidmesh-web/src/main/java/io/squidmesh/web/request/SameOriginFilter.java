package io.squidmesh.web.request;

import io.squidmesh.web.problem.Problem;
import io.squidmesh.web.problem.ProblemResponses;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing request that a browser sent from another site. Browsers resend cached BASIC
 * credentials to this server whoever asks them to, and an empty POST needs no CORS preflight, so without
 * this check any page an operator visits could cancel runs. Browsers name the requesting page's origin in
 * {@code Origin}; it must be this server's host ({@code Host}, or {@code X-Forwarded-Host} behind a
 * proxy). Clients that send no {@code Origin} (curl, other services) are not browsers and pass.
 */
@Provider
@PreMatching
public class SameOriginFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!SAFE.contains(request.getMethod()) && !sameOrigin(request.getHeaderString("Origin"),
                request.getHeaderString(HttpHeaders.HOST), request.getHeaderString("X-Forwarded-Host"))) {
            request.abortWith(ProblemResponses.of(Problem.of("forbidden",
                    "cross-site requests may not change runs: the Origin header does not name this server")));
        }
    }

    /** True without an Origin, or when its host and port are the server's as the request names it. */
    static boolean sameOrigin(String origin, String host, String forwardedHost) {
        if (origin == null) {
            return true;
        }
        String originHost = authority(origin);
        return originHost != null && (originHost.equals(normalize(host)) || originHost.equals(normalize(first(forwardedHost))));
    }

    /** "http://Example.com:8080" → "example.com:8080"; "null" or garbage → null. */
    private static String authority(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            return uri.getHost() == null ? null : normalize(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(String header) {
        return header == null ? null : header.split(",", 2)[0];
    }

    private static String normalize(String authority) {
        return authority == null ? null : authority.strip().toLowerCase(Locale.ROOT);
    }
}
