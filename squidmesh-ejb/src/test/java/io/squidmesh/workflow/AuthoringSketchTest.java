package io.squidmesh.workflow;

import io.squidmesh.workflow.internal.CronSchedules;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.today;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example workflows of SPEC §15.2 written with the builder, to show the API reads naturally, and
 * their compiled shape.
 */
class AuthoringSketchTest {

    // ---- saga_checkout ------------------------------------------------------------------------------

    static final class ReserveInventory implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("order_id", String.valueOf(input.get("order_id")), "status", "reserved"));
        }
    }

    static final class ReleaseInventory implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("released_inventory", Map.of("status", "released")));
        }
    }

    static final class AuthorizePayment implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            String order = String.valueOf(input.get("order_id"));
            return StepResult.ok(Map.of("account_id", String.valueOf(input.get("account_id")), "order_id", order,
                    "authorization_id", "auth_" + order, "status", "authorized"));
        }
    }

    static final class VoidPaymentAuthorization implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("voided_payment_authorization", Map.of("status", "voided")));
        }
    }

    static final class CapturePayment implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.retry(Map.of("message", "payment capture declined", "code", "capture_declined"));
        }
    }

    private static Workflow sagaCheckout() {
        return workflow("saga_checkout")
                .trigger(manual("saga_checkout").field("account_id", STRING).field("order_id", STRING))
                .step("reserve_inventory", ReserveInventory.class,
                        s -> s.output("inventory_reservation").compensate(ReleaseInventory.class))
                .step("authorize_payment", AuthorizePayment.class,
                        s -> s.output("payment_authorization").compensate(VoidPaymentAuthorization.class))
                .step("capture_payment", CapturePayment.class, s -> s.retry(2))
                .transition("reserve_inventory", OK, "authorize_payment")
                .transition("authorize_payment", OK, "capture_payment")
                .transition("capture_payment", OK, COMPLETE)
                .build();
    }

    @Test
    void sagaCheckout_isALinearChainWithCompensations() {
        Workflow saga = sagaCheckout();
        assertEquals("reserve_inventory", saga.entryStep());
        assertEquals(List.of(
                new TransitionSpec("reserve_inventory", Outcome.OK, "authorize_payment", null),
                new TransitionSpec("authorize_payment", Outcome.OK, "capture_payment", null),
                new TransitionSpec("capture_payment", Outcome.OK, COMPLETE, null)), saga.transitions());
        assertTrue(saga.transition("capture_payment", Outcome.OK).orElseThrow().completes());
        assertEquals(Optional.empty(), saga.transition("capture_payment", Outcome.ERROR),
                "no error route: a failed capture fails the run and triggers the compensations");

        assertEquals(ReleaseInventory.class, saga.step("reserve_inventory").orElseThrow().compensate());
        assertEquals(VoidPaymentAuthorization.class, saga.step("authorize_payment").orElseThrow().compensate());
        assertEquals(Map.of("callback", VoidPaymentAuthorization.class.getName(), "status", "available"),
                saga.step("authorize_payment").orElseThrow().recoveryPolicy().get("compensation"));
        assertEquals("payment_authorization", saga.step("authorize_payment").orElseThrow().output());

        StepSpec capture = saga.step("capture_payment").orElseThrow();
        assertEquals(RetryPolicy.of(2), capture.retry());
        assertTrue(capture.retry().retriesAfter(1));
        assertFalse(capture.retry().retriesAfter(2));
        assertFalse(capture.recoveryPolicy().containsKey("compensation"));
    }

    // ---- manual_approval ----------------------------------------------------------------------------

    static final class RecordApproval implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return record(input, "approved");
        }
    }

    static final class RecordRejection implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return record(input, "rejected");
        }
    }

    private static StepResult record(Map<String, Object> input, String status) {
        Map<String, Object> output = new LinkedHashMap<>();
        if (input.get("approval") instanceof Map<?, ?> approval) {
            approval.forEach((k, v) -> output.put(String.valueOf(k), v));
        }
        output.put("account_id", input.get("account_id"));
        output.put("status", status);
        return StepResult.ok(output);
    }

    private static Workflow manualApproval() {
        return workflow("manual_approval")
                .trigger(manual("manual_approval").field("account_id", STRING))
                .approval("wait_for_approval", s -> s.output("approval"))
                .step("record_approval", RecordApproval.class, s -> s.input("account_id", "approval").output("approval"))
                .step("record_rejection", RecordRejection.class,
                        s -> s.input("account_id", "approval").output("approval"))
                .transition("wait_for_approval", OK, "record_approval")
                .transition("wait_for_approval", ERROR, "record_rejection")
                .transition("record_approval", OK, COMPLETE)
                .transition("record_rejection", OK, COMPLETE)
                .build();
    }

    @Test
    void manualApproval_stopsAtAnApprovalStepWithTwoTargets() {
        Workflow approval = manualApproval();
        assertEquals("wait_for_approval", approval.entryStep());
        StepSpec review = approval.step("wait_for_approval").orElseThrow();
        assertEquals(StepKind.APPROVAL, review.kind());
        assertTrue(review.isManual());
        assertEquals("approval", review.output());
        assertEquals("record_approval", approval.transition("wait_for_approval", Outcome.OK).orElseThrow().to());
        assertEquals("record_rejection", approval.transition("wait_for_approval", Outcome.ERROR).orElseThrow().to());
        assertNull(approval.transition("wait_for_approval", Outcome.ERROR).orElseThrow().recovery());
        assertEquals(List.of("account_id", "approval"), approval.step("record_rejection").orElseThrow().input());
        assertEquals(List.of("wait_for_approval", "record_approval", "record_rejection"),
                approval.inspectionOrder().stream().map(StepSpec::name).toList());
    }

    // ---- dependency_recovery ------------------------------------------------------------------------

    static final class LoadAccount implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("id", String.valueOf(input.get("account_id")), "tier", "standard"));
        }
    }

    static final class LoadInvoice implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("id", String.valueOf(input.get("invoice_id")),
                    "account_id", String.valueOf(input.get("account_id")),
                    "attempt_id", String.valueOf(input.get("attempt_id"))));
        }
    }

    static final class PrepareNotification implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("channel", "email"));
        }
    }

    private static Workflow dependencyRecovery() {
        return workflow("dependency_recovery")
                .trigger(manual("dependency_recovery")
                        .field("account_id", STRING).field("invoice_id", STRING).field("attempt_id", STRING))
                .step("load_account", LoadAccount.class, s -> s.output("account"))
                .step("load_invoice", LoadInvoice.class, s -> s.output("invoice"))
                .step("prepare_notification", PrepareNotification.class,
                        s -> s.after("load_account", "load_invoice").output("notification"))
                .build();
    }

    @Test
    void dependencyRecovery_twoRootsAndAJoin() {
        Workflow recovery = dependencyRecovery();
        assertTrue(recovery.isDependencyMode());
        assertEquals(List.of("load_account", "load_invoice"), recovery.entrySteps());
        assertEquals("load_account", recovery.initialStep());
        assertNull(recovery.entryStep());
        assertEquals(List.of(), recovery.transitions());
        assertEquals(List.of("load_account", "load_invoice"), recovery.dependsOn("prepare_notification"));
        assertEquals(1, recovery.phase("prepare_notification"));

        assertEquals(new DependencyProgress.Dispatch(List.of("load_account", "load_invoice")),
                recovery.dependencyProgress(Map.of()));
        assertEquals(new DependencyProgress.Wait(),
                recovery.dependencyProgress(Map.of("load_account", "completed", "load_invoice", "running")));
        assertEquals(new DependencyProgress.Dispatch(List.of("prepare_notification")),
                recovery.dependencyProgress(Map.of("load_account", "completed", "load_invoice", "completed")));
    }

    // ---- daily_digest -------------------------------------------------------------------------------

    static final class RecordDigestDelivery implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("channel", String.valueOf(input.get("channel")),
                    "digest_date", String.valueOf(input.get("digest_date")),
                    "delivered_at", Instant.now().toString()));
        }
    }

    private static Workflow dailyDigest() {
        return workflow("daily_digest")
                .trigger(manual("manual_digest").field("channel", STRING).field("digest_date", STRING))
                .trigger(cron("daily_digest", "@reboot", "Etc/UTC")
                        .field("channel", STRING, defaultValue("ops"))
                        .field("digest_date", STRING, today()))
                .step("announce_digest", log("posting daily digest"))
                .step("record_digest_delivery", RecordDigestDelivery.class, s -> s.output("digest_delivery"))
                .transition("announce_digest", OK, "record_digest_delivery")
                .transition("record_digest_delivery", OK, COMPLETE)
                .build();
    }

    @Test
    void dailyDigest_oneGraphTwoTriggers() {
        Workflow digest = dailyDigest();
        assertEquals("manual_digest", digest.defaultTrigger().name());
        TriggerSpec scheduled = digest.trigger("daily_digest").orElseThrow();
        assertEquals(TriggerType.CRON, scheduled.type());
        assertEquals("@reboot", scheduled.cronExpression());
        assertEquals("Etc/UTC", scheduled.timezone());
        assertTrue(CronSchedules.isReboot(scheduled.cronExpression()));

        Clock clock = Clock.fixed(Instant.parse("2024-05-06T08:00:00Z"), ZoneOffset.UTC);
        PayloadResolution fromDefaults = scheduled.resolve(Map.of(), clock);
        assertTrue(fromDefaults.isValid(), "a cron trigger's payload resolves from defaults alone");
        assertEquals(Map.of("channel", "ops", "digest_date", "2024-05-06"), fromDefaults.payload());
        assertFalse(digest.defaultTrigger().resolve(Map.of(), clock).isValid());
        assertTrue(digest.defaultTrigger().resolve(Map.of("channel", "ops-manual", "digest_date", "2024-05-06"), clock)
                .isValid());

        assertEquals("announce_digest", digest.entryStep());
        StepSpec announce = digest.step("announce_digest").orElseThrow();
        assertEquals(StepKind.LOG, announce.kind());
        assertEquals("posting daily digest", announce.message());
        assertEquals("record_digest_delivery", digest.transition("announce_digest", Outcome.OK).orElseThrow().to());
    }
}
