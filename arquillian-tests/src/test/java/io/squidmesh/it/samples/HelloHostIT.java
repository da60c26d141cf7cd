package io.squidmesh.it.samples;

import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/getting-started.md, end to end: the sample host application's own EAR (samples/hello-host: the engine, the
 * JMS executor, the operator web module and the host's workflow, step and servlet), deployed as built, answers
 * its servlet, and the run it starts completes through real JMS deliveries; the dashboard's API shows it. The
 * sample is what users copy, so its answers to bad input are checked too: a plain-text 4xx, and no run started.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HelloHostIT {

    private static final ApiClient HELLO = new ApiClient("http://127.0.0.1:8080/hello", null, null);
    private static final String FORM = "application/x-www-form-urlencoded";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        String path = System.getProperty("squidmesh.it.hello-ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property squidmesh.it.hello-ear must name the built EAR, was " + path);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
    }

    @Test
    void theSampleHostStartsItsOwnWorkflowAndTheRunCompletes() {
        ApiClient.Reply started = HELLO.send("POST", "/greetings?name=Ada", "", FORM);
        assertEquals(201, started.status(), started::toString);
        String[] created = started.body().trim().split(" ");
        String id = created[0];
        assertEquals("pending", created[1], started::toString);

        String finished = Await.until("the hello_host run to complete",
                () -> HELLO.get("/greetings?id=" + id).body(),
                body -> List.of("completed", "failed", "cancelled").contains(body.split(" ")[1]), Duration.ofSeconds(60));
        assertTrue(finished.startsWith(id + " completed "), finished);
        assertTrue(finished.contains("message=Hello, Ada!"), finished);

        Map<String, Object> run = ApiClient.VIEWER.get("/api/runs/" + id + "?history=true").json();
        assertEquals("hello_host", run.get("workflow"));
        assertEquals("completed", run.get("status"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) run.get("steps");
        assertEquals(List.of("greet:completed", "announce:completed"),
                steps.stream().map(s -> s.get("step") + ":" + s.get("status")).toList());
    }

    @Test
    void badInputIsAnsweredWithAClientErrorInPlainTextAndStartsNothing() {
        int runsBefore = helloRuns();

        assertClientError(HELLO.send("POST", "/greetings", "", FORM), 400, "name is required");
        assertClientError(HELLO.send("POST", "/greetings?name=", "", FORM), 400, "name is required");
        assertClientError(HELLO.send("POST", "/greetings?name=%20%20", "", FORM), 400, "name is required");

        assertClientError(HELLO.get("/greetings"), 400, "id is required");
        assertClientError(HELLO.get("/greetings?id="), 400, "id is required");
        assertClientError(HELLO.get("/greetings?id=not-a-run"), 400, "run id 'not-a-run' is not a UUID");
        String unknown = UUID.randomUUID().toString();
        assertClientError(HELLO.get("/greetings?id=" + unknown), 404, "run " + unknown + " not found");

        assertEquals(runsBefore, helloRuns(), "a refused POST must not start a run");
    }

    private static void assertClientError(ApiClient.Reply reply, int status, String message) {
        assertEquals(status, reply.status(), reply::toString);
        String type = reply.header("Content-Type");
        assertTrue(type != null && type.startsWith("text/plain"), () -> "Content-Type " + type + ": " + reply);
        assertTrue(reply.body().startsWith(message), reply::toString);
    }

    private static int helloRuns() {
        ApiClient.Reply reply = ApiClient.VIEWER.get("/api/runs?workflow=hello_host&limit=500");
        assertEquals(200, reply.status(), reply::toString);
        return ((List<?>) reply.json().get("runs")).size();
    }
}
