package io.squidmesh.web.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One error answer: {@code type}, {@code title}, {@code status}, {@code detail}, the stable {@code code}, and
 * extension members (the engine's {@code details}, per-field {@code errors}, ...). Status and title come from
 * the {@link ProblemCatalogue} by code.
 */
public record Problem(int status, String code, String title, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:squidmesh:problem:";
    private static final List<String> MEMBERS = List.of("type", "title", "status", "detail", "code");

    public Problem {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A problem with the catalogue's status and title for {@code code}. */
    public static Problem of(String code, String detail) {
        ProblemCatalogue.Entry entry = ProblemCatalogue.entry(code);
        return new Problem(entry.status(), code, entry.title(), detail, Map.of());
    }

    /** A problem for an HTTP status the server raised itself, e.g. 404 for an unknown route. */
    public static Problem ofStatus(int status, String detail) {
        String code = ProblemCatalogue.codeForStatus(status);
        return new Problem(status, code, ProblemCatalogue.entry(code).title(), detail, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(status, code, title, detail, more);
    }

    public Problem withAll(Map<String, ?> members) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.putAll(members);
        return new Problem(status, code, title, detail, more);
    }

    /** The JSON body. Extensions never replace the standard members. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", TYPE_PREFIX + code);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        json.put("code", code);
        extensions.forEach((member, value) -> {
            if (!MEMBERS.contains(member)) {
                json.put(member, value);
            }
        });
        return json;
    }
}
