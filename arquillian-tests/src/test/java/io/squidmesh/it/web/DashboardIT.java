package io.squidmesh.it.web;

import io.squidmesh.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Routable;
import org.openqa.selenium.remote.http.Route;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static io.squidmesh.it.web.ApiAssertions.awaitRun;
import static io.squidmesh.it.web.ApiAssertions.awaitStatus;
import static io.squidmesh.it.web.ApiAssertions.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium: find a run in the list, open it, read its graph and step runs,
 * cancel it with the operator's button and watch the page refresh itself to cancelled. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {

    /** How long it_wait's first step delays its successor: the window in which the run can be cancelled. */
    private static final int DELAY_SECONDS = 15;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return WebWorkflows.deployment();
    }

    @BeforeEach
    void needsChromium() {
        Browser.assumeInstalled();
    }

    @Test
    void anOperatorFindsARunOpensItAndCancelsIt() {
        String linear = (String) start("{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc-ui\"}}").get("id");
        awaitStatus(linear, "completed");
        try (Browser browser = Browser.loggedInAs("operator", "operator-pass1!")) {
            String id = (String) start("{\"workflow\":\"it_wait\",\"payload\":{\"delay_seconds\":" + DELAY_SECONDS + "}}").get("id");
            awaitRun(id, "to wait for its delayed step",
                    run -> "running".equals(run.get("status")) && "pause_a_second".equals(run.get("current_step")));

            browser.open("");
            browser.await("the user in the header", d -> "operator · operator".equals(browser.text("#user")));
            browser.await("both runs listed", d -> browser.text(row(id)) != null && browser.text(row(linear)) != null);
            assertEquals("running", browser.text(row(id) + " .badge"));

            new Select(browser.find("#filter-workflow")).selectByValue("it_wait");
            browser.await("the list filtered to it_wait", d -> browser.text(row(linear)) == null);
            assertTrue(browser.texts("#runs tbody td:nth-child(2)").stream().allMatch("it_wait"::equals));
            assertTrue(browser.attributes("#runs tbody tr", "data-run-id").contains(id));
            browser.screenshot("runs-list");

            browser.click(row(id) + " a");
            browser.await("the run page", d -> "running".equals(browser.text("#status .badge")));
            assertEquals(id, browser.text("#run-id"));
            assertEquals(Map.of("before", "completed", "pause_a_second", "waiting", "after", "waiting", "complete", "terminal"),
                    graphStatuses(browser));
            assertEquals(List.of("before"), browser.attributes("#step-runs tbody tr", "data-step"));
            assertEquals("#1 completed", browser.text("#step-runs tr[data-step='before'] .attempts li"));
            browser.screenshot("run-detail");

            browser.click("button[data-action='cancel_run']");
            browser.acceptConfirmation();
            browser.await("cancelling shown", d -> "cancelling".equals(browser.text("#status .badge")));
            browser.screenshot("run-cancelling");
            browser.await("the page to refresh itself to cancelled", d -> "cancelled".equals(browser.text("#status .badge")));
            browser.screenshot("run-cancelled");

            assertEquals("cancelled", ApiClient.VIEWER.get("/api/runs/" + id).json().get("status"));
            assertEquals(List.of(), browser.attributes("button[data-action]", "data-action"), "nothing left to do");
            assertEquals(List.of(""), browser.attributes("#refreshing", "hidden"), "no more refreshing");
        }
    }

    @Test
    void aViewerSeesAPausedRunButNoActions() {
        String id = (String) start("{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-ui\"}}").get("id");
        awaitStatus(id, "paused");
        try (Browser browser = Browser.loggedInAs("viewer", "viewer-pass1!")) {
            browser.open("run.html?id=" + id);

            browser.await("the paused run", d -> "paused".equals(browser.text("#status .badge")));
            assertEquals("paused", browser.text("#audit tbody tr[data-event='paused'] td:nth-child(2)"));
            assertEquals(Map.of("prepare", "completed", "hold_for_ops", "running", "finish", "waiting", "complete", "terminal"),
                    graphStatuses(browser));
            assertEquals("viewer · viewer", browser.text("#user"));
            assertEquals(List.of(), browser.attributes("button[data-action]", "data-action"), "viewers get no action buttons");
            assertEquals(List.of(""), browser.attributes("#actions-panel", "hidden"));
            browser.screenshot("run-paused-viewer");
        } finally {
            ApiClient.OPERATOR.post("/api/runs/" + id + "/cancel", "{}");
        }
    }

    /**
     * The engine does not explain runs yet, so Chromium answers the explanation (SPEC §9 shape) and the new
     * action endpoints on the server's behalf; the test checks what the page offers and what it sends.
     */
    @Test
    void theExplanationsNextActionsBecomeButtonsAndReplayNeedsAnExplicitOverride() {
        String paused = (String) start("{\"workflow\":\"web_review\",\"payload\":{\"ticket\":\"T-explain\"}}").get("id");
        String done = (String) start("{\"workflow\":\"it_linear\",\"payload\":{\"account_id\":\"acc-replay\"}}").get("id");
        awaitStatus(paused, "paused");
        awaitStatus(done, "completed");
        AtomicReference<String> approval = new AtomicReference<>();
        AtomicReference<String> replay = new AtomicReference<>();
        Browser browser = Browser.loggedInAs("operator", "operator-pass1!");
        NetworkInterceptor standIn = browser.intercept(
                answer("GET", paused + "/explanation", 200, null, """
                        {"status":"paused","reason":"paused_for_approval","step":"hold_for_ops",
                         "details":{"approval_targets":{"ok":"finish","error":"complete"}},
                         "next_actions":["approve_run","reject_run","cancel_run"],"evidence":{"run":{"status":"paused"}}}"""),
                answer("POST", paused + "/approve", 200, approval, "{}"),
                answer("GET", done + "/explanation", 200, null, """
                        {"status":"completed","reason":"completed","step":null,
                         "details":{"replay":{"allowed?":false,"required_override":"allow_irreversible",
                                    "blocked_by":[{"step":"load","replay":"manual_review_required"}]}},
                         "next_actions":[],"evidence":{}}"""),
                answer("POST", done + "/replay", 201, replay, "{\"id\":\"" + paused + "\"}"));
        try {
            browser.open("run.html?id=" + paused);

            browser.await("the explanation", d -> "paused for approval at hold_for_ops".equals(browser.text("#explanation .reason")));
            assertEquals(List.of("approve_run", "reject_run", "cancel_run"), browser.attributes("button[data-action]", "data-action"));
            browser.find("#action-comment").sendKeys("looks good");
            browser.screenshot("run-explained-approval");
            browser.click("button[data-action='approve_run']");
            browser.await("the approval sent", d -> approval.get() != null);
            assertEquals(Map.of("comment", "looks good"), Json.readObject(approval.get()));

            browser.open("run.html?id=" + done);
            WebElement replayButton = browser.await("the replay button", d -> browser.find("button[data-action='replay_run']"));
            assertTrue(browser.text(".replay").contains("irreversible or cannot be compensated: load."), browser.text(".replay"));
            assertFalse(replayButton.isEnabled(), "a blocked replay needs the override first");
            browser.click("#allow-irreversible");
            assertTrue(replayButton.isEnabled());
            browser.screenshot("run-replay-override");
            replayButton.click();
            browser.await("the new run's page", d -> d.getCurrentUrl().endsWith("run.html?id=" + paused));
            assertEquals(Map.of("allow_irreversible", true), Json.readObject(replay.get()));
        } finally {
            standIn.close();
            browser.close();
            ApiClient.OPERATOR.post("/api/runs/" + paused + "/cancel", "{}");
        }
    }

    /** A route that answers {@code method .../api/runs/{path}} itself, keeping the request body in {@code sent}. */
    private static Routable answer(String method, String path, int status, AtomicReference<String> sent, String json) {
        return Route.matching(request -> request.getMethod().name().equals(method)
                        && request.getUri().contains("/api/runs/" + path))
                .to(() -> request -> {
                    if (sent != null) {
                        sent.set(request.contentAsString());
                    }
                    return new HttpResponse().setStatus(status).addHeader("Content-Type", "application/json")
                            .setContent(Contents.utf8String(json));
                });
    }

    private static String row(String runId) {
        return "#runs tbody tr[data-run-id='" + runId + "']";
    }

    /** Step name → status as the graph shows it. */
    private static Map<String, String> graphStatuses(Browser browser) {
        List<String> steps = browser.attributes("#graph svg g.node", "data-step");
        List<String> statuses = browser.attributes("#graph svg g.node", "data-status");
        Map<String, String> graph = new TreeMap<>();
        for (int i = 0; i < steps.size(); i++) {
            graph.put(steps.get(i), statuses.get(i));
        }
        return graph;
    }
}
