package io.squidmesh.web.request;

import io.squidmesh.web.problem.Problem;
import io.squidmesh.web.problem.ProblemResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses a request whose {@code Accept} or {@code Content-Type} header is not a media type list / media type
 * (RFC 9110 §12.5.1, §8.3), with a 400 naming the header, before the JAX-RS runtime matches a resource: some
 * malformed values (a {@code q} that is not a number) make the runtime fail with a server error of its own.
 * Values the runtime refuses before any filter runs reach {@code ContainerProblemServlet} as a bare 400, which
 * uses the same check to say which header was wrong.
 */
@Provider
@PreMatching
public class MediaTypeHeadersFilter implements ContainerRequestFilter {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*");
    private static final Pattern QUALITY = Pattern.compile("(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?)");
    private static final Pattern Q_PARAMETER = Pattern.compile(";[ \\t]*[qQ]=([^; \\t]*)");

    @Override
    public void filter(ContainerRequestContext request) {
        problem(request.getHeaderString(HttpHeaders.ACCEPT), request.getHeaderString(HttpHeaders.CONTENT_TYPE))
                .ifPresent(problem -> request.abortWith(ProblemResponses.of(problem)));
    }

    /** The problem with the request's {@code Accept} or {@code Content-Type} header, if any. */
    public static Optional<Problem> problem(String accept, String contentType) {
        return problem(HttpHeaders.ACCEPT, accept, true).or(() -> problem(HttpHeaders.CONTENT_TYPE, contentType, false));
    }

    /** The problem with one header's value, if any; {@code list} for Accept (media ranges with weights). */
    static Optional<Problem> problem(String header, String value, boolean list) {
        if (value == null) {
            return Optional.empty();
        }
        String[] elements = list ? value.split(",", -1) : new String[] {value};
        for (String element : elements) {
            String mediaType = element.strip();
            if (mediaType.isEmpty() && list) {
                continue; // empty list elements are allowed (RFC 9110 §5.6.1)
            }
            if (!MEDIA_TYPE.matcher(mediaType).matches()) {
                return Optional.of(invalid(header, value, "'" + mediaType + "' is not a media type (type/subtype;name=value)"));
            }
            var quality = Q_PARAMETER.matcher(mediaType);
            if (list && quality.find() && !QUALITY.matcher(quality.group(1)).matches()) {
                return Optional.of(invalid(header, value, "the weight q must be a number from 0 to 1, was '"
                        + quality.group(1) + "'"));
            }
        }
        return Optional.empty();
    }

    private static Problem invalid(String header, String value, String why) {
        return Problem.of("invalid_header", "the " + header + " header is malformed: " + why)
                .with("header", header).with("value", value);
    }
}
