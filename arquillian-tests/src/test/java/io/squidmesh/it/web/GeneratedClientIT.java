package io.squidmesh.it.web;

import io.squidmesh.client.ApiException;
import io.squidmesh.client.api.RunsApi;
import io.squidmesh.client.api.WorkflowsApi;
import io.squidmesh.client.model.ActionRequest;
import io.squidmesh.client.model.Explanation;
import io.squidmesh.client.model.FieldError;
import io.squidmesh.client.model.Problem;
import io.squidmesh.client.model.Run;
import io.squidmesh.client.model.RunPage;
import io.squidmesh.client.model.RunStatus;
import io.squidmesh.client.model.StartRequest;
import io.squidmesh.client.model.Workflow;
import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.ApiContract;
import io.squidmesh.it.support.Await;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client that openapi-generator makes from the served document at build time (package
 * {@code io.squidmesh.client}) drives a run from its start to {@code completed}: if the document and the API
 * part ways, the client either stops compiling or fails here when it reads an answer (its enums refuse
 * values the document does not list, its models fields of the wrong type).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GeneratedClientIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    @Test
    void aGeneratedClientStartsAPausedRunResumesItAndSeesItComplete() throws Exception {
        RunsApi runs = new RunsApi(client("operator", "operator-pass1!"));

        List<String> workflows = new WorkflowsApi(client("viewer", "viewer-pass1!")).listWorkflows().getWorkflows()
                .stream().map(Workflow::getWorkflow).toList();
        assertTrue(workflows.contains("web_review"), () -> "listed: " + workflows);

        String key = "generated-" + UUID.randomUUID();
        Run started = runs.startRun(new StartRequest().workflow("web_review").trigger("review")
                .payload(Map.of("ticket", "T-1")), key);
        assertEquals("web_review", started.getWorkflow());
        assertEquals(key, started.getKey());

        Run paused = awaitStatus(runs, started.getId(), RunStatus.PAUSED);
        assertEquals("hold_for_ops", paused.getCurrentStep());
        Explanation why = runs.explainRun(started.getId().toString());
        assertEquals(RunStatus.PAUSED, why.getStatus());
        assertEquals("hold_for_ops", why.getStep());

        runs.unblockRun(started.getId().toString(), new ActionRequest().comment("from the generated client"));
        Run done = awaitStatus(runs, started.getId(), RunStatus.COMPLETED);
        List<String> steps = runs.inspectRun(done.getId().toString(), true).getStepRuns().stream()
                .map(step -> step.getStep() + "=" + step.getStatus().getValue()).toList();
        assertEquals(List.of("prepare=completed", "hold_for_ops=completed", "finish=completed"), steps);
        assertTrue(runs.inspectRun(done.getId().toString(), true).getAuditEvents().stream()
                .anyMatch(event -> "operator".equals(event.getActor())), "the resume is audited with the caller");

        RunPage page = runs.listRuns("web_review", RunStatus.COMPLETED, 10, null, key);
        assertEquals(List.of(done.getId()), page.getRuns().stream().map(Run::getId).toList());
    }

    @Test
    void aRefusedStartReachesTheClientAsAProblemItCanRead() throws Exception {
        io.squidmesh.client.ApiClient operator = client("operator", "operator-pass1!");
        ApiException refused = assertThrows(ApiException.class, () -> new RunsApi(operator)
                .startRun(new StartRequest().workflow("web_review").trigger("review").payload(Map.of("ticket", 7)), null));
        assertEquals(422, refused.getCode(), refused::getResponseBody);
        Problem problem = operator.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("invalid_payload", problem.getCode(), refused::getResponseBody);
        // errors is a list of FieldError here (a map for invalid_review/invalid_resume, so untyped in the document)
        FieldError field = operator.getObjectMapper().convertValue(((List<?>) problem.getErrors()).get(0), FieldError.class);
        assertEquals("ticket", field.getField(), refused::getResponseBody);
        assertEquals(FieldError.ProblemEnum.INVALID_TYPE, field.getProblem(), refused::getResponseBody);
    }

    /** The check every API test's answers go through (ApiClient → ApiContract) is on, and it can fail. */
    @Test
    void answersTheDocumentDoesNotDescribeFailTheContractCheck() {
        assertTrue(ApiClient.checksAnswers(), "ApiClient checks answers against the OpenAPI document in the tests' JVM");
        URI run = URI.create(ApiClient.BASE + "/api/runs/" + UUID.randomUUID());
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
        AssertionError status = assertThrows(AssertionError.class,
                () -> ApiContract.check("GET", run, 200, json, "{\"id\":\"x\",\"status\":\"exploded\"}"));
        assertTrue(status.getMessage().contains("exploded"), status::getMessage);
        AssertionError undocumented = assertThrows(AssertionError.class,
                () -> ApiContract.check("GET", run, 418, json, "{}"));
        assertTrue(undocumented.getMessage().contains("418"), undocumented::getMessage);
        ApiContract.check("GET", run, 404, Map.of("Content-Type", List.of("application/problem+json")),
                "{\"type\":\"urn:squidmesh:problem:not_found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"no run\",\"code\":\"not_found\"}");
    }

    private static Run awaitStatus(RunsApi runs, UUID id, RunStatus wanted) {
        return Await.until("run " + id + " to be " + wanted, () -> {
            try {
                return runs.inspectRun(id.toString(), false);
            } catch (ApiException e) {
                throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
            }
        }, run -> run.getStatus() == wanted, Duration.ofSeconds(30));
    }

    /** The generated client at the tests' server, sending HTTP BASIC up front. */
    private static io.squidmesh.client.ApiClient client(String user, String password) {
        io.squidmesh.client.ApiClient client = new io.squidmesh.client.ApiClient();
        client.updateBaseUri(ApiClient.BASE + "/api");
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }
}
