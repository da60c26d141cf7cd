package io.squidmesh.it.web;

import io.squidmesh.it.support.ApiAssertions;
import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.ServerManagement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.squidmesh.it.support.ApiAssertions.awaitRun;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.start;
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
            browser.await("the cancelled run's only action", d -> List.of("replay_run")
                    .equals(browser.attributes("button[data-action]", "data-action")));
            assertEquals(List.of(""), browser.attributes("#refreshing", "hidden"), "no more refreshing");
        }
    }

    @Test
    void theOverviewDrawsTheLoadListsTheFailuresAndTheSearchFindsARunByIdOrKey() {
        String failed = (String) start("{\"workflow\":\"web_failing\",\"payload\":{\"ticket\":\"T-overview\"}}").get("id");
        awaitStatus(failed, "failed");
        String key = "ui-key-" + java.util.UUID.randomUUID();
        ApiClient.Reply keyed = ApiClient.OPERATOR.send("POST", "/api/runs",
                "{\"workflow\":\"web_paging\",\"payload\":{\"n\":7}}", "application/json", "Idempotency-Key", key);
        String keyedId = (String) keyed.json().get("id");
        awaitStatus(keyedId, "completed");
        try (Browser browser = Browser.loggedInAs("viewer", "viewer-pass1!")) {
            browser.open("overview.html");
            browser.await("the chart drawn", d -> !browser.findAll("#chart canvas").isEmpty());
            browser.await("the failure listed", d -> browser.text("#failures tr[data-workflow='web_failing'] code") != null);
            assertEquals("card_declined", browser.text("#failures tr[data-workflow='web_failing'] code"));
            assertTrue(browser.attributes("#failures tr[data-workflow='web_failing'] a", "href").stream()
                    .anyMatch(href -> href.endsWith("?workflow=web_failing&status=failed")));
            assertEquals(List.of("pending", "running", "retrying", "paused", "cancelling"),
                    browser.attributes("#open tbody tr", "data-status"));
            assertTrue(browser.attributes("#steps tbody tr", "data-step").contains("note"), "web_paging's step is timed");
            assertTrue(browser.text(".u-legend") != null && browser.text(".u-legend").contains("failed"), "the chart's legend");
            browser.await("the queues counted", d -> !browser.findAll("#queues tbody tr").isEmpty());
            List<String> roles = browser.attributes("#queues tbody tr", "data-role");
            assertEquals("work", roles.get(0), () -> "the default work queue first: " + roles);
            assertEquals("dead_letters", roles.get(roles.size() - 1), () -> "the dead-letter queue last: " + roles);
            assertEquals("squidmesh", browser.text("#queues tr[data-role='work'] td"));
            assertEquals(2, browser.findAll("#chart canvas, #queue-chart canvas").size(), "both charts drawn");
            browser.screenshot("overview");

            browser.open("");
            browser.find("#search-text").sendKeys(key);
            browser.click("#search button[type='submit']");
            browser.await("the keyed run alone", d -> List.of(keyedId).equals(browser.attributes("#runs tbody tr", "data-run-id")));
            browser.find("#search-text").clear();
            browser.find("#search-text").sendKeys(failed);
            browser.click("#search button[type='submit']");
            browser.await("the run page of the id", d -> failed.equals(browser.text("#run-id")));
        }
    }

    @Test
    void anOperatorStartsARunFromTheFormOfItsTriggersContractAViewerGetsNoForm() {
        try (Browser browser = Browser.loggedInAs("operator", "operator-pass1!")) {
            browser.open("start.html?workflow=web_review");
            browser.await("the form for web_review", d -> browser.attributes("#fields [data-field]", "data-field")
                    .equals(List.of("ticket")));
            new Select(browser.find("#trigger")).selectByValue("rush");
            browser.await("the rush trigger's fields", d -> browser.attributes("#fields [data-field]", "data-field")
                    .equals(List.of("ticket", "reason")));
            assertEquals("true", browser.find("#field-ticket").getDomProperty("required"));
            assertEquals("false", browser.find("#field-reason").getDomProperty("required"), "reason is optional");
            browser.find("#field-ticket").sendKeys("T-form");
            browser.find("#key").sendKeys("form-" + java.util.UUID.randomUUID());
            browser.screenshot("start-form");
            browser.click("#submit");
            // run.html renders #run-id empty and fills it once the run is fetched: wait for the id, not the element
            browser.await("the new run's id", d -> {
                String shown = browser.text("#run-id");
                return shown != null && !shown.isBlank();
            });
            String id = browser.text("#run-id");
            Map<String, Object> run = awaitStatus(id, "paused");
            assertEquals("rush", run.get("trigger"));
            assertEquals(Map.of("ticket", "T-form"), run.get("payload"), "the empty optional field is left out");
            assertTrue(String.valueOf(run.get("key")).startsWith("form-"), run::toString);
            ApiClient.OPERATOR.post("/api/runs/" + id + "/cancel", "{}");
        }
        try (Browser browser = Browser.loggedInAs("viewer", "viewer-pass1!")) {
            browser.open("start.html");
            browser.await("the viewer's note", d -> browser.attributes("#viewer-note", "hidden").stream()
                    .allMatch(java.util.Objects::isNull));
            assertEquals(List.of(""), browser.attributes("#start", "hidden"), "no form for a viewer");
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
     * SPEC §15.2 manual_approval's smoke through the dashboard: the paused run's explanation offers approve,
     * reject and cancel; the operator approves with a comment and the page follows the run to completed; then a
     * replay past an irreversible step needs the explicit override.
     */
    @Test
    void anOperatorApprovesAPausedRunWithTheButtonAndSeesItComplete() {
        String paused = (String) start("{\"workflow\":\"it_approval\",\"payload\":{\"account_id\":\"acc-ui\"}}").get("id");
        String shipped = (String) start("{\"workflow\":\"it_shipping\",\"payload\":{\"order_id\":\"o-ui\"}}").get("id");
        awaitStatus(paused, "paused");
        awaitStatus(shipped, "completed");
        try (Browser browser = Browser.loggedInAs("operator", "operator-pass1!")) {
            browser.open("");
            browser.await("the paused run listed", d -> "paused".equals(browser.text(row(paused) + " .badge")));
            browser.click(row(paused) + " a");

            browser.await("the explanation", d -> "paused for approval at wait_for_approval"
                    .equals(browser.text("#explanation .reason")));
            assertEquals(List.of("approve_run", "reject_run", "cancel_run"),
                    browser.attributes("button[data-action]", "data-action"));
            browser.find("#action-comment").sendKeys("looks good");
            browser.screenshot("run-paused-for-approval");
            browser.click("button[data-action='approve_run']");
            browser.await("the page to follow the run to completed", d -> "completed".equals(browser.text("#status .badge")));
            browser.await("the approval in the audit trail", d -> browser.text("#audit tbody tr[data-event='approved']") != null);
            browser.screenshot("run-approved-completed");

            Map<String, Object> done = ApiClient.VIEWER.get("/api/runs/" + paused + "?history=true").json();
            Map<String, Object> approved = ApiAssertions.list(done.get("audit_events")).get(1);
            assertEquals(List.of("approved", "operator", "looks good"),
                    List.of(approved.get("type"), approved.get("actor"), approved.get("comment")));

            browser.open("run.html?id=" + shipped);
            WebElement replayButton = browser.await("the replay button", d -> browser.find("button[data-action='replay_run']"));
            assertTrue(browser.text(".replay").contains("irreversible or cannot be compensated: ship."), browser.text(".replay"));
            assertFalse(replayButton.isEnabled(), "a blocked replay needs the override first");
            browser.click("#allow-irreversible");
            assertTrue(replayButton.isEnabled());
            browser.screenshot("run-replay-override");
            replayButton.click();
            String newRun = browser.await("the new run's page", d -> d.getCurrentUrl().contains("run.html?id=")
                    && !d.getCurrentUrl().endsWith(shipped) ? d.getCurrentUrl().replaceAll(".*id=", "") : null);
            assertEquals(shipped, ApiClient.VIEWER.get("/api/runs/" + newRun).json().get("replayed_from_run_id"));
        }
    }

    /**
     * payment_webhook through the dashboard: the page explains the event wait and offers a form prefilled with the
     * event's name; the operator sends it with a JSON payload and the page follows the run to completed, listing the
     * event. order_fulfilment's page links to its shipment child, and the child's back to it.
     */
    @Test
    void anOperatorSendsTheEventARunWaitsForAndFollowsTheChildLinks() {
        String waiting = (String) start("{\"workflow\":\"payment_webhook\",\"payload\":{\"order_id\":\"ui-1\","
                + "\"amount_cents\":300}}").get("id");
        String parent = (String) start("{\"workflow\":\"order_fulfilment\",\"payload\":{\"order_id\":\"ui-2\","
                + "\"address\":\"1 Main St\"}}").get("id");
        String child = (String) ApiAssertions.list(awaitStatus(parent, "completed").get("children")).get(0).get("id");
        try (Browser browser = Browser.loggedInAs("operator", "operator-pass1!")) {
            browser.open("run.html?id=" + waiting);
            browser.await("the event wait explained", d -> "waiting for event at await_confirmation"
                    .equals(browser.text("#explanation .reason")));
            assertEquals("payment_confirmed", browser.find("#event-name").getAttribute("value"));
            browser.find("#event-payload").sendKeys("{\"provider_reference\": \"psp-ui\"}");
            browser.screenshot("run-waiting-for-event");
            browser.click("button[data-action='signal_run']");
            browser.await("the page to follow the run to completed", d -> "completed".equals(browser.text("#status .badge")));
            browser.await("the event listed", d -> browser.text("#events tbody tr[data-event='payment_confirmed']") != null);
            browser.screenshot("run-event-received");
            Map<String, Object> done = ApiClient.VIEWER.get("/api/runs/" + waiting).json();
            assertEquals("psp-ui", ApiAssertions.map(ApiAssertions.map(done.get("context")).get("capture"))
                    .get("provider_reference"));

            browser.open("run.html?id=" + parent);
            browser.await("the child listed", d -> child.equals(browser.text("#children a")));
            browser.click("#children a");
            browser.await("the child's page links back", d -> parent.equals(browser.text("#parent-link")));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorRedrivesADeadLetterFromTheIncidentsPageAViewerOnlySeesIt() throws Exception {
        String id;
        try (ServerManagement management = ServerManagement.connect()) {
            management.pause(ServerManagement.QUEUE);
            try {
                id = (String) start("{\"workflow\":\"web_paging\",\"payload\":{\"n\":3}}").get("id");
                String mine = "run_id='" + id + "'";
                Await.until("the run's work in the queue", () -> management.count(ServerManagement.QUEUE, mine),
                        n -> n == 1, java.time.Duration.ofSeconds(10));
                assertEquals(1, management.moveMessages(ServerManagement.QUEUE, mine, ServerManagement.DLQ));
            } finally {
                management.resume(ServerManagement.QUEUE);
            }
        }
        String letter = "#dead-letters tr[data-run='" + id + "']";
        try (Browser browser = Browser.loggedInAs("viewer", "viewer-pass1!")) {
            browser.open("incidents.html");
            browser.await("the dead letter listed", d -> browser.text(letter) != null);
            assertEquals("web_paging", browser.text(letter + " td:nth-child(4)"));
            assertEquals("note", browser.text(letter + " td:nth-child(5)"));
            assertTrue(browser.findAll(letter + " button").isEmpty(), "a viewer cannot redrive");
        }
        try (Browser browser = Browser.loggedInAs("operator", "operator-pass1!")) {
            browser.open("incidents.html");
            browser.await("the dead letter listed", d -> browser.text(letter) != null);
            browser.screenshot("incidents");
            browser.click(letter + " button.redrive");
            browser.await("the redrive confirmed", d -> browser.text("#notice") != null
                    && browser.text("#notice").startsWith("Sent step of run " + id.substring(0, 8)));
            browser.await("the letter gone from the list", d -> browser.text(letter) == null);
        }
        awaitStatus(id, "completed");
        List<Map<String, Object>> audit = (List<Map<String, Object>>) ApiClient.VIEWER.get("/api/runs/" + id + "?history=true")
                .json().get("audit_events");
        assertTrue(audit.stream().anyMatch(event -> "dead_letter_redriven".equals(event.get("type"))
                && "operator".equals(event.get("actor"))), () -> "the redrive in the run's audit trail, by operator: " + audit);
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
