package io.squidmesh.it.examples;

import io.squidmesh.ManualAction;
import io.squidmesh.Run;
import io.squidmesh.RunEvent;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStart;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.StartOptions;
import io.squidmesh.examples.ledger.LocalLedger;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.OperatorSquidMesh;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example workflows of SPEC §15.2, run against the reference EAR exactly as shipped (the examples are
 * part of it): first the smoke sequence of §15.5, then the host-app scenarios that take longer or go down
 * another branch. Runs progress through the real JMS executor; the test only starts, acts and polls.
 * The explanation asserts of §15.2 are left out: {@code explain_run} is not on the facade yet.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExamplesSmokeIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTestModule(Deployments.testModule()
                .addClasses(ExamplesSmokeIT.class, GatewayStub.class, Await.class, Driver.class,
                        OperatorSquidMesh.class));
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    Driver driver;

    @Inject
    LocalLedger ledger;

    // ---- the smoke sequence (SPEC §15.5) ------------------------------------------------------------

    @Test
    @Order(1)
    void paymentRecoveryCompletesWhenTheGatewayAnswers() {
        try (GatewayStub gateway = GatewayStub.answering(200, "retry_required")) {
            Map<String, Object> attrs = paymentAttrs("smoke", gateway.url());
            Run started = squidMesh.startRun("payment_recovery", attrs);
            assertEquals(RunStatus.PENDING, started.status());
            assertEquals("payment_recovery", started.trigger());
            assertEquals(attrs, started.payload());
            assertEquals("load_invoice", started.currentStep());

            Run done = Await.status(squidMesh, started.id().toString(), RunStatus.COMPLETED);
            assertEquals(Map.of("status", "retry_required", "invoice_id", "inv_smoke", "status_code", 200),
                    done.context().get("gateway_check"));
            assertEquals(Map.of("channel", "email", "invoice_id", "inv_smoke", "gateway_status", "retry_required"),
                    done.context().get("notification"));
            assertEquals(List.of(List.of("load_invoice", "completed"), List.of("check_gateway_status", "completed"),
                    List.of("notify_customer", "completed")), stepRuns(done));
            assertEquals(List.of(), done.auditEvents());
            assertEquals(1, gateway.requests());
        }
    }

    @Test
    @Order(2)
    void dependencyRecoveryRunsBothRootsThenTheJoin() {
        Run started = squidMesh.startRun("dependency_recovery",
                Map.of("account_id", "acct_dep", "invoice_id", "inv_dep", "attempt_id", "att_dep"));
        assertNull(started.currentStep(), "dependency runs point at no single step");

        Run done = Await.status(squidMesh, started.id().toString(), RunStatus.COMPLETED);
        assertEquals(List.of(
                        Arrays.asList("load_account", "completed", List.of()),
                        Arrays.asList("load_invoice", "completed", List.of()),
                        Arrays.asList("prepare_notification", "completed", List.of("load_account", "load_invoice"))),
                done.steps().stream().map(s -> Arrays.asList(s.step(), s.status(), s.dependsOn())).toList());
        assertEquals(Map.of("id", "acct_dep", "tier", "standard"), done.context().get("account"));
        assertEquals(Map.of("id", "inv_dep", "account_id", "acct_dep", "attempt_id", "att_dep"),
                done.context().get("invoice"));
        assertEquals(Map.of("channel", "email", "account_id", "acct_dep", "invoice_id", "inv_dep",
                "account_tier", "standard"), done.context().get("notification"));
    }

    @Test
    @Order(3)
    void manualApprovalWaitsForTheOperatorAndRecordsTheApproval() {
        String id = squidMesh.startRun("manual_approval", Map.of("account_id", "acct_approve")).id().toString();
        Run paused = Await.status(squidMesh, id, RunStatus.PAUSED);
        assertEquals("wait_for_approval", paused.currentStep());
        assertEquals(List.of(List.of("wait_for_approval", "running"), List.of("record_approval", StepState.WAITING),
                List.of("record_rejection", StepState.WAITING)), stepStates(paused));
        // explanation paused_for_approval with [approve_run, reject_run, cancel_run]: explain_run not available yet

        Run approved = squidMesh.approveRun(id, ManualAction.by("ops_smoke").comment("approved")
                .metadata(Map.of("ticket", "SMOKE-1")));
        assertEquals(RunStatus.RUNNING, approved.status());
        assertEquals("record_approval", approved.currentStep());

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        Map<?, ?> approval = (Map<?, ?>) done.context().get("approval");
        assertEquals(List.of("acct_approve", "approved", "approved", "ops_smoke", "approved",
                        Map.of("ticket", "SMOKE-1")),
                Arrays.asList(approval.get("account_id"), approval.get("status"), approval.get("decision"),
                        approval.get("actor"), approval.get("comment"), approval.get("metadata")));
        assertEquals(List.of(
                        Arrays.asList("paused", "wait_for_approval", null, null, null),
                        Arrays.asList("approved", "wait_for_approval", "ops_smoke", "approved",
                                Map.of("ticket", "SMOKE-1"))),
                audit(done));
    }

    @Test
    @Order(4)
    void manualDigestEchoesChannelAndDate() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Run started = squidMesh.startRun("daily_digest", "manual_digest",
                Map.of("channel", "ops-manual", "digest_date", today));
        assertEquals("manual_digest", started.trigger());
        assertEquals("announce_digest", started.currentStep());

        Run done = Await.status(squidMesh, started.id().toString(), RunStatus.COMPLETED);
        Map<?, ?> delivery = (Map<?, ?>) done.context().get("digest_delivery");
        assertEquals("ops-manual", delivery.get("channel"));
        assertEquals(today, delivery.get("digest_date"));
        assertNotNull(Instant.parse((String) delivery.get("delivered_at")));
        assertNull(done.context().get("schedule"), "only cron runs carry a schedule");
        assertEquals(List.of(List.of("announce_digest", "completed"), List.of("record_digest_delivery", "completed")),
                stepRuns(done));
    }

    @Test
    @Order(5)
    void localLedgerCheckoutCommitsBothEntriesWithTheStep() throws Exception {
        Run started = squidMesh.startRun("local_ledger_checkout", Map.of("account_id", "acct_ledger"));
        assertEquals(Map.of("account_id", "acct_ledger", "fail_after_reserve", false), started.payload());
        String id = started.id().toString();

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(List.of("reserve", "capture"), ledger.entries(id));
        assertEquals(Map.of("status", "committed", "entries", 2), done.context().get("local_ledger"));
    }

    @Test
    @Order(6)
    void localLedgerCheckoutRollsBackTheReserveWhenTheStepFails() throws Exception {
        String id = squidMesh.startRun("local_ledger_checkout",
                Map.of("account_id", "acct_rollback", "fail_after_reserve", true)).id().toString();

        Run failed = Await.status(squidMesh, id, RunStatus.FAILED);
        assertEquals("post_local_ledger_entries", failed.currentStep());
        assertEquals(List.of(), ledger.entries(id));
        assertEquals(Map.of("message", "local ledger capture failed", "retryable?", false), failed.lastError());
        assertEquals(1, failed.stepRuns().get(0).attempts().size(), "an error result is not retried");
    }

    @Test
    @Order(7)
    void sagaCheckoutVoidsThenReleasesAfterTheCaptureFails() {
        String id = squidMesh.startRun("saga_checkout", Map.of("account_id", "acct_saga", "order_id", "ord_1"))
                .id().toString();

        Run failed = Await.until("both compensations to finish", () -> squidMesh.inspectRun(id, true),
                r -> r.status() == RunStatus.FAILED
                        && finished(r, "reserve_inventory") && finished(r, "authorize_payment"),
                Duration.ofSeconds(30));
        assertEquals("capture_payment", failed.currentStep());
        assertEquals(Map.of("message", "payment capture declined", "code", "capture_declined", "retryable?", true),
                failed.lastError());
        assertEquals(List.of(List.of("reserve_inventory", "completed"), List.of("authorize_payment", "completed"),
                List.of("capture_payment", "failed")), stepRuns(failed));
        assertEquals(2, failed.stepRuns().get(2).attempts().size(), "retries run out before compensating");

        Map<?, ?> release = compensation(failed, "reserve_inventory");
        Map<?, ?> voiding = compensation(failed, "authorize_payment");
        assertEquals(List.of("completed", "completed"), List.of(release.get("status"), voiding.get("status")));
        assertEquals(Map.of("released_inventory", Map.of("order_id", "ord_1", "status", "released")),
                release.get("output"));
        assertEquals(Map.of("voided_payment_authorization", Map.of("account_id", "acct_saga", "order_id", "ord_1",
                "authorization_id", "auth_ord_1", "status", "voided")), voiding.get("output"));
        Instant voided = Instant.parse((String) voiding.get("completed_at"));
        assertTrue(!voided.isAfter(Instant.parse((String) release.get("started_at"))),
                "the newest completed step is undone first: " + voiding + " then " + release);
    }

    @Test
    @Order(8)
    void theCronTriggerStartsANewRunFromDefaultsWithItsSchedule() {
        Set<UUID> before = digestRunIds();
        String earliest = LocalDate.now(ZoneOffset.UTC).toString();

        driver.perform(Map.of("kind", "cron", "workflow", "daily_digest", "trigger", "daily_digest"), null);

        Set<UUID> created = digestRunIds();
        created.removeAll(before);
        assertEquals(1, created.size(), "one delivery, one new run");
        Run done = Await.status(squidMesh, created.iterator().next().toString(), RunStatus.COMPLETED);
        assertEquals("daily_digest", done.trigger());
        assertEquals("ops", done.payload().get("channel"));
        String date = (String) done.payload().get("digest_date");
        assertTrue(List.of(earliest, LocalDate.now(ZoneOffset.UTC).toString()).contains(date), date);
        Map<?, ?> schedule = (Map<?, ?>) done.context().get("schedule");
        assertEquals(List.of("daily_digest", "daily_digest", "@reboot", "Etc/UTC"), Arrays.asList(
                schedule.get("workflow"), schedule.get("trigger_name"), schedule.get("cron_expression"),
                schedule.get("timezone")));
        assertNotNull(Instant.parse((String) schedule.get("received_at")));
        Map<?, ?> delivery = (Map<?, ?>) done.context().get("digest_delivery");
        assertEquals(List.of("ops", date), Arrays.asList(delivery.get("channel"), delivery.get("digest_date")));
        assertEquals("announce_digest", done.stepRuns().get(0).step(), "the first job targets announce_digest");
    }

    // ---- host-app scenarios (SPEC §15.2) -------------------------------------------------------------

    @Test
    @Order(9)
    void paymentRecoveryRoutesToTheCreditOnceTheGatewayRetriesRunOut() {
        try (GatewayStub gateway = GatewayStub.answering(503, "unavailable")) {
            String id = squidMesh.startRun("payment_recovery", paymentAttrs("down", gateway.url())).id().toString();

            // the first attempt and four retries, 1 s apart
            Run done = Await.status(squidMesh, id, RunStatus.COMPLETED, Duration.ofSeconds(60));
            assertEquals(5, gateway.requests());
            assertEquals(Map.of("account_id", "acct_down", "invoice_id", "inv_down", "status", "credit_issued"),
                    done.context().get("compensation"));
            assertNull(done.context().get("notification"));
            assertNull(done.lastError());
            assertEquals(List.of(List.of("load_invoice", "completed"), List.of("check_gateway_status", "failed"),
                    List.of("issue_gateway_credit", "completed")), stepRuns(done));

            StepRun check = done.stepRuns().get(1);
            assertEquals(Map.of("strategy", "compensation", "target", "issue_gateway_credit"),
                    check.recovery().get("failure"));
            assertEquals(List.of("failed", "failed", "failed", "failed", "failed"),
                    check.attempts().stream().map(StepAttempt::status).toList());
            assertEquals(List.of("http", "HTTP request failed with status 503", true),
                    Arrays.asList(check.lastError().get("kind"), check.lastError().get("message"),
                            check.lastError().get("retryable?")));
            assertEquals(List.of(Arrays.asList("compensation_routed", "check_gateway_status", null, null,
                    Map.of("target", "issue_gateway_credit"))), audit(done));
        }
    }

    @Test
    @Order(10)
    void manualApprovalRejectedGoesDownTheErrorTransition() {
        String id = squidMesh.startRun("manual_approval", Map.of("account_id", "acct_reject")).id().toString();
        Await.status(squidMesh, id, RunStatus.PAUSED);

        Run rejected = squidMesh.rejectRun(id, ManualAction.by("ops_456"));
        assertEquals("record_rejection", rejected.currentStep());

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        Map<?, ?> approval = (Map<?, ?>) done.context().get("approval");
        assertEquals(List.of("acct_reject", "rejected", "rejected", "ops_456"), Arrays.asList(
                approval.get("account_id"), approval.get("status"), approval.get("decision"), approval.get("actor")));
        assertEquals(List.of(Arrays.asList("paused", "wait_for_approval", null, null, null),
                Arrays.asList("rejected", "wait_for_approval", "ops_456", null, null)), audit(done));
        assertEquals(List.of(List.of("wait_for_approval", "completed"), List.of("record_rejection", "completed")),
                stepRuns(done));
    }

    @Test
    @Order(11)
    void retryVerificationRetriesOnceAfterItsBackoff() {
        String id = squidMesh.startRun("retry_verification", Map.of("attempt_id", "att_retry")).id().toString();

        Run retrying = Await.status(squidMesh, id, RunStatus.RETRYING);
        assertEquals("exercise_retry", retrying.currentStep());
        assertEquals(Map.of("message", "retry later", "code", "retry_later", "retryable?", true), retrying.lastError());

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        List<StepAttempt> attempts = done.stepRuns().get(0).attempts();
        assertEquals(List.of("failed", "completed"), attempts.stream().map(StepAttempt::status).toList());
        // the retry is delivered 1 s after it was scheduled; a little slack for clock granularity
        assertTrue(Duration.between(attempts.get(0).insertedAt(), attempts.get(1).insertedAt()).toMillis() >= 900,
                attempts.toString());
        assertEquals(Map.of("attempt_id", "att_retry", "status", "ok"), done.context().get("retry_probe"));
        assertNull(done.lastError());
    }

    @Test
    @Order(12)
    void cancellingDuringTheWaitSettlesOnTheDelayedDelivery() {
        String id = squidMesh.startRun("cancellable_wait", Map.of("account_id", "acct_cancel")).id().toString();
        // the wait step is done and record_delivery is queued with its 1 s delay
        Await.until("the run to wait at record_delivery", () -> squidMesh.inspectRun(id),
                r -> r.status() == RunStatus.RUNNING && "record_delivery".equals(r.currentStep()),
                Duration.ofSeconds(30));

        Run cancelling = squidMesh.cancelRun(id);
        assertEquals(RunStatus.CANCELLING, cancelling.status());
        assertNull(cancelling.currentStep());

        Run cancelled = Await.status(squidMesh, id, RunStatus.CANCELLED);
        assertNull(cancelled.currentStep());
        assertEquals(List.of(List.of("wait_for_cancellation", "completed")), stepRuns(cancelled),
                "the delayed delivery converged the run without running record_delivery");
    }

    @Test
    @Order(13)
    void paymentWebhookCapturesOnTheConfirmationSentByRunKeyOnce() {
        String key = "order-smoke-" + UUID.randomUUID();
        RunStart start = squidMesh.startRun("payment_webhook", Map.of("order_id", "smoke", "amount_cents", 1999),
                StartOptions.key(key));
        String id = start.run().id().toString();
        RunExplanation waiting = Await.until("the run to wait for its confirmation", () -> squidMesh.explainRun(id),
                e -> "waiting_for_event".equals(e.reason()), Duration.ofSeconds(30));
        assertEquals("await_confirmation", waiting.step());
        assertEquals("payment_confirmed", waiting.details().get("event"));

        RunEvent sent = squidMesh.signalRunByKey("payment_webhook", key, "payment_confirmed",
                Map.of("provider_reference", "psp-1"), "evt-1");
        RunEvent again = squidMesh.signalRunByKey("payment_webhook", key, "payment_confirmed",
                Map.of("provider_reference", "psp-2"), "evt-1");
        assertEquals(sent.id(), again.id(), "the repeated webhook is the same event");

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(Map.of("captured_cents", 1999, "provider_reference", "psp-1"), done.context().get("capture"));
        assertEquals(List.of(List.of("authorise", "completed"), List.of("await_confirmation", "completed"),
                List.of("capture", "completed")), stepRuns(squidMesh.inspectRun(id, true)));
        assertEquals(1, squidMesh.inspectRun(id, true).events().size());
    }

    @Test
    @Order(14)
    void orderFulfilmentGoesOnWithItsShipmentChildsBooking() {
        String id = squidMesh.startRun("order_fulfilment", Map.of("order_id", "42", "address", "1 Main St"))
                .id().toString();
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        @SuppressWarnings("unchecked")
        Map<String, Object> shipment = (Map<String, Object>) done.context().get("shipment");
        assertEquals(Map.of("carrier", "parcel-co", "tracking", "PC-42"), shipment.get("booking"));
        List<Run> children = squidMesh.inspectRun(id, true).children();
        assertEquals(1, children.size());
        assertEquals("shipment", children.get(0).workflow());
        assertEquals(RunStatus.COMPLETED, children.get(0).status());
        assertEquals(id, squidMesh.inspectRun(children.get(0).id().toString()).parentRunId().toString());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static Map<String, Object> paymentAttrs(String tag, String gatewayUrl) {
        return Map.of("account_id", "acct_" + tag, "invoice_id", "inv_" + tag, "attempt_id", "att_" + tag,
                "gateway_url", gatewayUrl);
    }

    /** (step, status) of each step run, in the order they were created. */
    private static List<List<String>> stepRuns(Run run) {
        return run.stepRuns().stream().map(r -> List.of(r.step(), r.status())).toList();
    }

    /** (step, status) of each declared step, waiting ones included. */
    private static List<List<String>> stepStates(Run run) {
        return run.steps().stream().map(s -> List.of(s.step(), s.status())).toList();
    }

    /** (type, step, actor, comment, metadata) of each audit event. */
    private static List<List<Object>> audit(Run run) {
        return run.auditEvents().stream()
                .map(e -> Arrays.<Object>asList(e.type(), e.step(), e.actor(), e.comment(), e.metadata())).toList();
    }

    private static Map<?, ?> compensation(Run run, String step) {
        return run.stepRuns().stream().filter(r -> r.step().equals(step)).findFirst()
                .map(r -> (Map<?, ?>) r.recovery().get("compensation")).orElseThrow();
    }

    private static boolean finished(Run run, String step) {
        Object status = compensation(run, step).get("status");
        return "completed".equals(status) || "failed".equals(status);
    }

    private Set<UUID> digestRunIds() {
        return squidMesh.listRuns(RunQuery.all().workflow("daily_digest").limit(RunQuery.MAX_LIMIT)).runs()
                .stream().map(Run::id).collect(Collectors.toCollection(HashSet::new));
    }
}
