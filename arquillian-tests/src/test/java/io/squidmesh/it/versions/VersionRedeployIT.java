package io.squidmesh.it.versions;

import io.squidmesh.it.support.ApiClient;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.squidmesh.it.support.ApiAssertions.assertProblem;
import static io.squidmesh.it.support.ApiAssertions.awaitStatus;
import static io.squidmesh.it.support.ApiAssertions.list;
import static io.squidmesh.it.support.ApiAssertions.map;
import static io.squidmesh.it.support.ApiAssertions.start;
import static io.squidmesh.it.support.ApiClient.OPERATOR;
import static io.squidmesh.it.versions.VersionsIT.awaitPaused;
import static io.squidmesh.it.versions.VersionsIT.awaitWaiting;
import static io.squidmesh.it.versions.VersionsIT.go;
import static io.squidmesh.it.versions.VersionsIT.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redeploy with runs in flight: the application is replaced by one whose {@code it_redeployed} version 1 has
 * another graph (a pack step between the wait and shipping) and whose {@code it_retired} has only a version 2. The
 * deployed API counts the runs that will not fit; each such run, at its next step, pauses with the diagnosis
 * instead of following a graph it did not start with; an operator migrates it and it completes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VersionRedeployIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "before", managed = false, testable = false)
    static EnterpriseArchive before() {
        return VersionWorkflows.before();
    }

    @Deployment(name = "after", managed = false, testable = false)
    static EnterpriseArchive after() {
        return VersionWorkflows.after();
    }

    @Test
    void runsInFlightAcrossARedeployThatChangedTheirGraphPauseWithTheDiagnosisAndMigrate() {
        deployer.deploy("before");
        String changed;
        String held;
        String retired;
        String fingerprintBefore;
        try {
            changed = startShipment("it_redeployed", "o-changed");
            held = startShipment("it_redeployed", "o-held");
            retired = startShipment("it_retired", "o-retired");
            fingerprintBefore = (String) OPERATOR.get("/api/workflows/it_redeployed").json().get("fingerprint");
            System.out.println("explain_run before the redeploy: "
                    + OPERATOR.get("/api/runs/" + changed + "/explanation").json());
        } finally {
            deployer.undeploy("before");
        }
        deployer.deploy("after");
        try {
            Map<String, Object> redeployed = OPERATOR.get("/api/workflows/it_redeployed").json();
            assertNotEquals(fingerprintBefore, redeployed.get("fingerprint"));
            System.out.println("versions after the redeploy: " + redeployed.get("versions"));
            Map<String, Object> version1 = list(redeployed.get("versions")).get(0);
            assertEquals("1", version1.get("version"));
            assertTrue(((Number) version1.get("stale_runs")).longValue() >= 2, version1::toString);
            List<Map<String, Object>> retiredVersions = list(OPERATOR.get("/api/workflows/it_retired").json()
                    .get("versions"));
            assertEquals(List.of("2", "1"), retiredVersions.stream().map(v -> v.get("version")).toList());
            assertEquals(false, retiredVersions.get(1).get("deployed"));

            // the graph changed: the run pauses at its next step and says what changed
            go(changed);
            awaitPaused(changed);
            Map<String, Object> explained = OPERATOR.get("/api/runs/" + changed + "/explanation").json();
            System.out.println("explain_run after the redeploy: " + explained);
            assertEquals("definition_changed", explained.get("reason"));
            assertEquals(List.of("migrate_run", "cancel_run"), explained.get("next_actions"));
            Map<String, Object> details = map(explained.get("details"));
            assertEquals(fingerprintBefore, details.get("fingerprint"));
            assertEquals(redeployed.get("fingerprint"), details.get("deployed_fingerprint"));
            assertEquals(List.of("removed: transition await_go ok ship", "added: step pack custom",
                    "added: transition await_go ok pack", "added: transition pack ok ship"), details.get("changes"));
            assertEquals("await_go", explained.get("step"));

            // a migration is checked before anything changes
            Map<String, Object> noStep = assertProblem(migrate(changed, "{\"version\":\"1\",\"step\":\"gift_wrap\"}"),
                    422, "invalid_migration");
            assertEquals("step", noStep.get("field"));
            Map<String, Object> noVersion = assertProblem(migrate(changed, "{\"version\":\"3\",\"step\":\"pack\"}"),
                    422, "invalid_migration");
            assertEquals("version", noVersion.get("field"));
            assertProblem(OPERATOR.post("/api/runs/" + changed + "/approve", "{}"), 409, "invalid_step");
            assertEquals("paused", OPERATOR.get("/api/runs/" + changed).json().get("status"));

            ApiClient.Reply migrated = migrate(changed, "{\"version\":\"1\",\"step\":\"pack\"}");
            assertEquals(200, migrated.status(), migrated::toString);
            Map<String, Object> done = awaitStatus(changed, "completed");
            assertEquals(List.of("reserve", "await_go", "pack", "ship"), steps(done));
            Map<String, Object> setAside = list(done.get("step_runs")).get(1);
            assertEquals("failed", setAside.get("status"));
            assertEquals("migrated", map(setAside.get("last_error")).get("reason"));
            Map<String, Object> audit = list(done.get("audit_events")).stream()
                    .filter(e -> "migrated".equals(e.get("type"))).findFirst().orElseThrow();
            assertEquals("operator", audit.get("actor"));
            assertEquals("pack", audit.get("step"));
            assertEquals("definition_changed", map(audit.get("metadata")).get("hold"));
            System.out.println("the run after its migration: status=" + done.get("status") + " steps=" + steps(done)
                    + " audit=" + audit);

            // a version no longer deployed: the run pauses naming the deployed ones, and moves to one of them
            go(retired);
            awaitPaused(retired);
            Map<String, Object> gone = OPERATOR.get("/api/runs/" + retired + "/explanation").json();
            assertEquals("version_not_deployed", gone.get("reason"));
            assertEquals(List.of("2"), map(gone.get("details")).get("deployed_versions"));
            assertEquals(200, migrate(retired, "{\"version\":\"2\",\"step\":\"await_go\"}").status());
            Map<String, Object> retiredDone = awaitStatus(retired, "completed");
            assertEquals("2", retiredDone.get("version"));
            assertEquals(List.of("reserve", "await_go", "pack", "ship"), steps(retiredDone));

            // the event sent before the hold is still there for the step the run went on at: one event, taken once
            assertEquals(1, list(retiredDone.get("events")).size());

            // an operator may also cancel a held run
            go(held);
            awaitPaused(held);
            assertEquals(200, OPERATOR.post("/api/runs/" + held + "/cancel", "{}").status());
            awaitStatus(held, "cancelled");
        } finally {
            deployer.undeploy("after");
        }
    }

    private static String startShipment(String workflow, String order) {
        String id = (String) start("{\"workflow\":\"" + workflow + "\",\"payload\":{\"order_id\":\"" + order + "\"}}")
                .get("id");
        awaitWaiting(id);
        return id;
    }

    private static ApiClient.Reply migrate(String id, String body) {
        return OPERATOR.post("/api/runs/" + id + "/migrate", body);
    }
}
