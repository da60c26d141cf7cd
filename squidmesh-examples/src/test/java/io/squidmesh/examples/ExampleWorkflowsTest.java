package io.squidmesh.examples;

import io.squidmesh.examples.approval.ManualApproval;
import io.squidmesh.examples.dependency.DependencyRecovery;
import io.squidmesh.examples.digest.DailyDigest;
import io.squidmesh.examples.ledger.LocalLedgerCheckout;
import io.squidmesh.examples.payment.PaymentRecovery;
import io.squidmesh.examples.retry.RetryVerification;
import io.squidmesh.examples.saga.SagaCheckout;
import io.squidmesh.examples.fulfilment.OrderFulfilment;
import io.squidmesh.examples.fulfilment.Shipment;
import io.squidmesh.examples.wait.CancellableWait;
import io.squidmesh.examples.webhook.PaymentWebhook;
import io.squidmesh.workflow.Backoff;
import io.squidmesh.workflow.Outcome;
import io.squidmesh.workflow.Recovery;
import io.squidmesh.workflow.RetryPolicy;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.TransitionSpec;
import io.squidmesh.workflow.TriggerSpec;
import io.squidmesh.workflow.TriggerType;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example builds (so validates) outside a server, with the names and options of SPEC §15.2; a broken
 * definition would otherwise only show when the EAR fails to deploy.
 */
class ExampleWorkflowsTest {

    private static Workflow define(WorkflowDefinition definition) {
        return definition.define();
    }

    @Test
    void theElevenWorkflowsBuildUnderTheirNamesAndTriggers() {
        Map<String, List<String>> triggers = Stream.of(new PaymentRecovery(), new DependencyRecovery(),
                        new ManualApproval(), new DailyDigest(), new LocalLedgerCheckout(), new SagaCheckout(),
                        new RetryVerification(), new CancellableWait(), new PaymentWebhook(),
                        new OrderFulfilment(), new Shipment())
                .map(ExampleWorkflowsTest::define)
                .collect(java.util.stream.Collectors.toMap(Workflow::name,
                        w -> w.triggers().stream().map(TriggerSpec::name).toList()));
        assertEquals(Map.ofEntries(
                Map.entry("payment_recovery", List.of("payment_recovery")),
                Map.entry("dependency_recovery", List.of("dependency_recovery")),
                Map.entry("manual_approval", List.of("manual_approval")),
                Map.entry("daily_digest", List.of("manual_digest", "daily_digest")),
                Map.entry("local_ledger_checkout", List.of("local_ledger_checkout")),
                Map.entry("saga_checkout", List.of("saga_checkout")),
                Map.entry("retry_verification", List.of("retry_verification")),
                Map.entry("cancellable_wait", List.of("manual")),
                Map.entry("payment_webhook", List.of("payment_webhook")),
                Map.entry("order_fulfilment", List.of("order_fulfilment")),
                Map.entry("shipment", List.of("shipment"))), triggers);
    }

    @Test
    void paymentRecoveryRetriesTheCheckThenRoutesToTheCreditAsACompensation() {
        Workflow payment = define(new PaymentRecovery());
        StepSpec check = payment.step("check_gateway_status").orElseThrow();
        assertEquals(RetryPolicy.of(5, Backoff.exponential(1_000, 1_000)), check.retry());
        assertEquals(new TransitionSpec("check_gateway_status", Outcome.ERROR, "issue_gateway_credit",
                Recovery.COMPENSATION), payment.transition("check_gateway_status", Outcome.ERROR).orElseThrow());
        assertEquals("manual_review_required", payment.step("notify_customer").orElseThrow().recoveryPolicy()
                .get("replay"));
        assertEquals("load_invoice", payment.entryStep());
    }

    @Test
    void theCronDigestResolvesItsPayloadFromDefaults() {
        TriggerSpec cron = define(new DailyDigest()).trigger("daily_digest").orElseThrow();
        assertEquals(TriggerType.CRON, cron.type());
        assertEquals("@reboot", cron.cronExpression());
        assertEquals("Etc/UTC", cron.timezone());
        Clock clock = Clock.fixed(Instant.parse("2024-05-06T23:59:00Z"), ZoneOffset.UTC);
        assertEquals(Map.of("channel", "ops", "digest_date", "2024-05-06"), cron.resolve(Map.of(), clock).payload());
    }

    @Test
    void theLedgerStepIsTransactionalAndTheSagaStepsCompensate() {
        assertTrue(define(new LocalLedgerCheckout()).step("post_local_ledger_entries").orElseThrow().transactional());
        Workflow saga = define(new SagaCheckout());
        assertEquals(List.of("reserve_inventory", "authorize_payment"), saga.steps().stream()
                .filter(s -> s.compensate() != null).map(StepSpec::name).toList());
        assertEquals(RetryPolicy.of(2), saga.step("capture_payment").orElseThrow().retry());
    }

    @Test
    void dependencyRecoveryHasTwoRootsAndAJoin() {
        Workflow dependency = define(new DependencyRecovery());
        assertTrue(dependency.isDependencyMode());
        assertEquals(List.of("load_account", "load_invoice"), dependency.entrySteps());
        assertEquals(List.of("load_account", "load_invoice"), dependency.dependsOn("prepare_notification"));
        assertFalse(define(new CancellableWait()).isDependencyMode());
    }
}
