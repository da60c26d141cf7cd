package io.squidmesh.it.web;

import io.squidmesh.it.support.ApiClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.start;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.support.ApiClient.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API as a hostile client sees it: requests made by a seeded generator (malformed JSON, wrong types, deep
 * nesting, huge strings, NUL characters, bad credentials, odd content types, hostile ids and names), every one
 * of which the API must refuse or answer harmlessly. Whatever arrives: never a 5xx, never a dropped connection,
 * every 4xx a problem with a {@code code}, and nothing written (no run appears for a refused start, no waiting
 * run moves). {@code -Dsquidmesh.hostile.seed=N} replays one sequence, {@code -Dsquidmesh.hostile.requests=N}
 * sizes it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static final long SEED = Long.getLong("squidmesh.hostile.seed", 22L);
    private static final int REQUESTS = Integer.getInteger("squidmesh.hostile.requests", 1200);
    private static final List<String> STARTABLE = List.of("it_linear", "web_review", "it_approval");
    private static final ApiClient STRANGER = new ApiClient("nobody", "nothing");
    private static final ApiClient WRONG_PASSWORD = new ApiClient("operator", "operator-pass1");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    /** One generated request: what it is (for the failure message) and how to send it. */
    private record Attempt(String kind, String describe, Supplier<ApiClient.Reply> send) {
    }

    @Test
    void generatedHostileRequestsAreRefusedCleanlyAndWriteNothing() {
        String review = (String) start("{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-hostile\"}}").get("id");
        String approval = (String) start("{\"workflow\":\"it_approval\",\"payload\":{\"account_id\":\"acc-hostile\"}}").get("id");
        Map<String, Object> reviewBefore = awaitStatus(review, "paused");
        Map<String, Object> approvalBefore = awaitStatus(approval, "paused");
        Map<String, Integer> runsBefore = new TreeMap<>();
        STARTABLE.forEach(workflow -> runsBefore.put(workflow, runsOf(workflow)));

        Generator generator = new Generator(new Random(SEED), List.of(review, approval));
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Attempt attempt = generator.next();
            kinds.merge(attempt.kind(), 1, Integer::sum);
            ApiClient.Reply reply;
            try {
                reply = attempt.send().get();
            } catch (UncheckedIOException e) {
                failures.add("#" + i + " " + attempt.describe() + ": no answer (" + e.getCause() + ")");
                continue;
            }
            statuses.merge(String.valueOf(reply.status()), 1, Integer::sum);
            String fault = fault(reply);
            if (fault != null) {
                failures.add("#" + i + " " + attempt.describe() + ": " + fault + " -> " + abbreviate(reply.toString()));
            }
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("HostileInputIT: %d requests (seed %d) in %d ms on %s; statuses %s; kinds %s%n",
                REQUESTS, SEED, tookMs, System.getProperty("squidmesh.it.db", "?"), statuses, kinds);

        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + REQUESTS + " answers broke the contract (seed "
                + SEED + "):\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        Map<String, Integer> runsAfter = new TreeMap<>();
        STARTABLE.forEach(workflow -> runsAfter.put(workflow, runsOf(workflow)));
        assertEquals(runsBefore, runsAfter, "a refused start left a run behind");
        assertUnchanged(reviewBefore, review);
        assertUnchanged(approvalBefore, approval);
    }

    /** What is wrong with an answer, or null: 2xx-4xx only, and every 4xx a problem with a code. */
    private static String fault(ApiClient.Reply reply) {
        if (reply.status() >= 500) {
            return "server error";
        }
        if (reply.status() < 400) {
            return null;
        }
        if (!"application/problem+json".equals(reply.header("Content-Type"))) {
            return "not a problem body";
        }
        try {
            Map<String, Object> problem = reply.json();
            if (!(problem.get("code") instanceof String code) || code.isBlank()) {
                return "a problem without a code";
            }
            if (!Integer.valueOf(reply.status()).equals(problem.get("status"))) {
                return "a problem whose status is not the answer's";
            }
        } catch (RuntimeException e) {
            return "a problem body that is not JSON";
        }
        if (reply.body().contains("Exception") || reply.body().contains(".java:")) {
            return "internals in the answer";
        }
        return null;
    }

    private static void assertUnchanged(Map<String, Object> before, String id) {
        Map<String, Object> after = OPERATOR.get("/api/runs/" + id + "?history=true").json();
        assertEquals("paused", after.get("status"), id);
        assertEquals(before.get("updated_at"), after.get("updated_at"), id);
        assertEquals(list(before.get("audit_events")).size(), list(after.get("audit_events")).size(), id);
    }

    /** All runs of a workflow, every page. */
    private static int runsOf(String workflow) {
        int count = 0;
        String after = null;
        do {
            Map<String, Object> page = OPERATOR.get("/api/runs?limit=500&workflow=" + workflow
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))).json();
            count += list(page.get("runs")).size();
            after = (String) page.get("next");
        } while (after != null);
        return count;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /**
     * Makes requests that must all be refused (or, for reads, answered harmlessly): each start is broken in at
     * least one way, each action body or bulk body is invalid, so no generated request may change anything.
     */
    private static final class Generator {

        private static final List<String> HOSTILE_NAMES = List.of("../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>",
                "it_linear\u0000", "\u0000", "IT_LINEAR", "it_linear ", " it_linear", "it_linear/../web_review", "%00", "%2e%2e%2f",
                "𝕊𝕢𝕦𝕚𝕕", "\u202eetirw", "${jndi:ldap://127.0.0.1/x}", "null", "undefined", "NaN", "x".repeat(300),
                "a".repeat(10_000), "\\", "\"", "\r\nX-Injected: 1", "select * from squid_mesh_runs");
        private static final List<String> ODD_TYPES = List.of("text/plain", "application/xml", "text/html",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/jsonx", "json",
                "application/json, text/plain", "application/octet-stream", "image/png", "application", "/", "*/*",
                "application/*", "garbage", "text/json");
        private static final List<String> BAD_AUTHORIZATION = List.of("Basic %%%", "Basic abc", "Basic ", "Basic",
                "Basic ====", "Bearer x.y.z", "Digest username=\"operator\"", "Negotiate YII=", "basic"
                        + " " + b64("operator"), "Basic " + b64(":"), "Basic " + b64("operator:"), "Basic " + b64("\u00ff:\u00ff"),
                "x", "Basic " + "A".repeat(9_000));
        private static final List<String> BAD_NUMBERS = List.of("-1", "0.5", "1e309", "-1e309", "9223372036854775808",
                "99999999999999999999999", "\"7\"", "true", "[]", "{}", "-9223372036854775809", "NaN", "Infinity", "0x10",
                "1_000", "00");

        private final Random random;
        private final List<String> pausedRuns;

        Generator(Random random, List<String> pausedRuns) {
            this.random = random;
            this.pausedRuns = pausedRuns;
        }

        Attempt next() {
            return switch (random.nextInt(12)) {
                case 0 -> malformedStart();
                case 1 -> wrongTypedStart();
                case 2 -> deepStart();
                case 3 -> hugeStart();
                case 4 -> nulStart();
                case 5 -> badCredentials();
                case 6 -> oddContentType();
                case 7 -> hostileNameStart();
                case 8 -> hostileRead();
                case 9 -> hostileAction();
                case 10 -> hostileBulk();
                default -> oddMethod();
            };
        }

        private Attempt malformedStart() {
            String valid = validStart();
            String body = switch (random.nextInt(6)) {
                case 0 -> valid.substring(0, random.nextInt(valid.length() - 1));
                case 1 -> valid.replace("}", "");
                case 2 -> valid.replace(":", "=");
                case 3 -> valid.replace("\"", "'");
                case 4 -> "{" + valid;
                default -> new String(randomBytes(1 + random.nextInt(200)), StandardCharsets.ISO_8859_1);
            };
            return post("malformed_json", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        private Attempt wrongTypedStart() {
            String[] broken = {
                "{\"workflow\":" + pick(List.of("7", "true", "[]", "{}", "null", "\"\"", "[\"it_linear\"]")) + ",\"payload\":{\"account_id\":\"a\"}}",
                "{\"workflow\":\"it_linear\",\"trigger\":" + pick(List.of("7", "[]", "{}", "\"no_such\"", "false")) + ",\"payload\":{\"account_id\":\"a\"}}",
                "{\"workflow\":\"it_linear\",\"payload\":" + pick(List.of("\"x\"", "7", "[]", "true", "null", "[{}]")) + "}",
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":" + pick(List.of("7", "true", "[]", "{}", "null", "1.5", "[\"a\"]")) + "}}",
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"a\",\"team\":" + pick(List.of("7", "false", "{}", "[]")) + "}}",
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"a\",\"" + pick(List.of("extra", "__proto__", "constructor", "")) + "\":1}}",
                "{\"workflow\":\"web_review\",\"trigger\":\"rush\",\"payload\":{\"ticket\":\"t\",\"reason\":" + pick(List.of("1", "[]", "{}")) + "}}",
                "{\"workflow\":\"it_linear\"}",
                "{}", "[]", "\"it_linear\"", "7", "null",
            };
            return post("wrong_type", "/api/runs", broken[random.nextInt(broken.length)].getBytes(StandardCharsets.UTF_8), "application/json");
        }

        private Attempt deepStart() {
            int depth = 50 + random.nextInt(random.nextBoolean() ? 500 : 20_000);
            boolean arrays = random.nextBoolean();
            String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
            String body = "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":" + nested + "}}";
            return post("deep_nesting", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        private Attempt hugeStart() {
            boolean overLimit = random.nextInt(4) == 0;
            int size = overLimit ? 1024 * 1024 + random.nextInt(3 * 1024 * 1024) : 10_000 + random.nextInt(400_000);
            String value = "x".repeat(size);
            // under the limit the string sits in an unknown field, so the start is still refused (422)
            String body = overLimit
                    ? "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"" + value + "\"}}"
                    : "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"a\",\"blob\":\"" + value + "\"}}";
            return post("huge_string", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        private Attempt nulStart() {
            String[] bodies = {
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc\\u0000" + random.nextInt(1000) + "\"}}",
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"a\",\"team\":\"\\u0000\"}}",
                "{\"workflow\":\"it_linear\\u0000\",\"payload\":{\"account_id\":\"a\"}}",
                "{\"workflow\":\"it_linear\",\"trigger\":\"it_linear\\u0000\",\"payload\":{\"account_id\":\"a\"}}",
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\\u0000\":\"a\"}}",
                "{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"raw\u0000nul\"}}",
                "{\"workflow\":\"web_review\",\"trigger\":\"rush\",\"payload\":{\"ticket\":\"t\",\"reason\":\"\\u0000\"}}",
            };
            return post("nul", "/api/runs", bodies[random.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8), "application/json");
        }

        /** A start that would succeed with the operator's credentials, sent with credentials that must not. */
        private Attempt badCredentials() {
            byte[] body = validStart().getBytes(StandardCharsets.UTF_8);
            return switch (random.nextInt(4)) {
                case 0 -> new Attempt("bad_credentials", "stranger", () -> STRANGER.sendBody("POST", "/api/runs",
                        HttpRequest.BodyPublishers.ofByteArray(body), "application/json"));
                case 1 -> new Attempt("bad_credentials", "wrong password", () -> WRONG_PASSWORD.sendBody("POST", "/api/runs",
                        HttpRequest.BodyPublishers.ofByteArray(body), "application/json"));
                case 2 -> new Attempt("bad_credentials", "viewer", () -> VIEWER.sendBody("POST", "/api/runs",
                        HttpRequest.BodyPublishers.ofByteArray(body), "application/json"));
                default -> {
                    String authorization = pick(BAD_AUTHORIZATION);
                    String path = pick(List.of("/api/runs", "/api/runs/" + pick(pausedRuns) + "/cancel",
                            "/api/runs/" + pick(pausedRuns) + "/approve"));
                    boolean read = random.nextBoolean();
                    yield new Attempt("bad_credentials", (read ? "GET " : "POST ") + path + " with " + abbreviate(authorization),
                            () -> ApiClient.ANONYMOUS.sendBody(read ? "GET" : "POST", path, read ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body), read ? null : "application/json",
                                    "Authorization", authorization));
                }
            };
        }

        private Attempt oddContentType() {
            String type = pick(ODD_TYPES);
            String accept = random.nextInt(3) == 0 ? pick(List.of("text/html", "application/xml", "image/*", "no/such;;q==",
                    "application/json;q=0", ",,,", "*/*;q=abc")) : null;
            byte[] body = validStart().getBytes(StandardCharsets.UTF_8);
            return new Attempt("odd_content_type", "Content-Type " + type + ", Accept " + accept, () -> accept == null
                    ? OPERATOR.sendBody("POST", "/api/runs", HttpRequest.BodyPublishers.ofByteArray(body), type)
                    : OPERATOR.sendBody("POST", "/api/runs", HttpRequest.BodyPublishers.ofByteArray(body), type, "Accept", accept));
        }

        private Attempt hostileNameStart() {
            String name = pick(HOSTILE_NAMES);
            String body = "{\"workflow\":" + quote(name) + ",\"payload\":{\"account_id\":\"a\"}}";
            return post("hostile_name", "/api/runs", body.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        private Attempt hostileRead() {
            String path = switch (random.nextInt(6)) {
                case 0 -> "/api/runs/" + encode(pick(HOSTILE_NAMES));
                case 1 -> "/api/workflows/" + encode(pick(HOSTILE_NAMES));
                case 2 -> "/api/runs?limit=" + encode(pick(BAD_NUMBERS)) + "&status=" + encode(pick(List.of("paused", "x", "", "PAUSED")));
                case 3 -> "/api/runs?after=" + encode(pick(List.of("x", "", "=", "eyJ9", b64("{}"), b64("1|2"), pick(HOSTILE_NAMES))));
                case 4 -> "/api/runs/" + pick(pausedRuns) + "/explanation?history=" + encode(pick(HOSTILE_NAMES));
                default -> "/api/bulk/" + encode(pick(BAD_NUMBERS));
            };
            return new Attempt("hostile_read", "GET " + abbreviate(path), () -> VIEWER.get(path));
        }

        /**
         * An action on a waiting run (or a hostile id) whose body the API must refuse. Cancel and replay keep no
         * comment or metadata (so a NUL there is no error of theirs), replay reads only allow_irreversible: each
         * action gets only bodies that are wrong for it.
         */
        private Attempt hostileAction() {
            String action = pick(List.of("cancel", "unblock", "approve", "reject", "replay"));
            String id = random.nextInt(4) > 0 ? pick(pausedRuns) : encode(pick(HOSTILE_NAMES));
            List<Integer> wrong = switch (action) {
                case "cancel" -> List.of(0, 1, 4, 5, 6);
                case "replay" -> List.of(4, 5, 6);
                default -> List.of(0, 1, 2, 3, 4, 5, 6);
            };
            String body = switch (pick(wrong)) {
                case 0 -> "{\"comment\":" + pick(List.of("7", "[]", "{}", "true")) + "}";
                case 1 -> "{\"comment\":\"ok\",\"metadata\":" + pick(List.of("\"x\"", "7", "[]", "true")) + "}";
                case 2 -> "{\"comment\":\"no\\u0000pe\"}";
                case 3 -> "{\"comment\":\"ok\",\"metadata\":{\"k\\u0000\":1}}";
                case 4 -> "{\"comment\":";
                case 5 -> "{\"allow_irreversible\":\"yes\",\"comment\":7}";
                default -> "{\"comment\":\"" + "c".repeat(1024 * 1024 + 1) + "\"}";
            };
            return post("hostile_action", "/api/runs/" + id + "/" + action, body.getBytes(StandardCharsets.UTF_8),
                    random.nextInt(5) == 0 ? pick(ODD_TYPES) : "application/json");
        }

        /** A bulk job body with at least one value out of range, so no job ever starts. */
        private Attempt hostileBulk() {
            String kind = pick(List.of("purge", "cancel", "replay"));
            String field = pick(List.of("chunk_size", "older_than_days", "pause_between_chunks_ms"));
            String number = pick(BAD_NUMBERS);
            String body = kind.equals("purge") && !field.equals("older_than_days")
                    ? "{\"older_than_days\":" + pick(BAD_NUMBERS) + ",\"" + field + "\":" + number + "}"
                    : "{\"workflow\":\"web_review\",\"status\":\"paused\",\"" + field + "\":" + number + "}";
            return post("hostile_bulk", "/api/bulk/" + kind, body.getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }

        private Attempt oddMethod() {
            String method = pick(List.of("PUT", "DELETE", "PATCH", "PROPFIND", "FOO"));
            String path = pick(List.of("/api/runs", "/api/runs/" + pick(pausedRuns), "/api/workflows", "/api/health",
                    "/api/runs/" + pick(pausedRuns) + "/approve", "/", "/api/bulk/purge"));
            return new Attempt("odd_method", method + " " + path, () -> OPERATOR.sendBody(method, path,
                    HttpRequest.BodyPublishers.ofString("{}"), "application/json"));
        }

        private Attempt post(String kind, String path, byte[] body, String contentType) {
            return new Attempt(kind, "POST " + abbreviate(path) + " " + contentType + " " + body.length + " bytes: "
                    + abbreviate(new String(body, StandardCharsets.UTF_8)),
                    () -> OPERATOR.sendBody("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), contentType));
        }

        /** A start that the operator could make: the generators break it before sending it as an operator. */
        private String validStart() {
            return pick(List.of("{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc-" + random.nextInt(100) + "\"}}",
                    "{\"workflow\":\"web_review\",\"trigger\":\"rush\",\"payload\":{\"ticket\":\"T\",\"reason\":\"r\"}}"));
        }

        private byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static String encode(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private static String quote(String text) {
            StringBuilder json = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            return json.append('"').toString();
        }

        private static String b64(String text) {
            return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
