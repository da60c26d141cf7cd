package io.squidmesh.runtime.internal.query;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.squidmesh.Run;
import io.squidmesh.RunEvent;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.json.Json;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.Workflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One test per row of SPEC §9's decision table, then the cross-cutting rules (replay details, unavailable
 * workflow, schedule evidence, stale reclaim, no cancel on failed runs). Inputs are built by hand the way
 * {@link RunReader} builds them for a run read with its history.
 */
class RunExplainerTest {

    private static final UUID RUN_ID = UUID.fromString("6f1c3c1e-0000-4000-8000-000000000001");
    private static final Instant RUN_INSERTED = Instant.parse("2026-05-15T10:00:00Z");
    private static final Instant RUN_UPDATED = Instant.parse("2026-05-15T10:00:05.123456Z");
    private static final Instant ROW_INSERTED = Instant.parse("2026-05-15T10:00:01Z");
    private static final Instant ROW_UPDATED = Instant.parse("2026-05-15T10:00:02Z");
    private static final Instant ATTEMPT_AT = Instant.parse("2026-05-15T10:00:03Z");

    private static final Map<String, Object> REPLAYABLE = Map.of("irreversible?", false, "compensatable?", true,
            "replay", "allowed", "recovery", "automatic");
    private static final Map<String, Object> IRREVERSIBLE = Map.of("irreversible?", true, "compensatable?", false,
            "replay", "manual_review_required", "recovery", "manual_intervention");

    private static final Map<String, Object> GATEWAY_ERROR = Map.of("message", "gateway timeout", "retryable?", true);
    private static final Map<String, Object> REPLAY_ALLOWED = Map.of("replay", Map.of("allowed?", true));
    private static final Map<String, Object> APPROVAL_RESUME = map("kind", "approval",
            "ok_target", "record_approval", "error_target", "record_rejection", "output_key", "review");

    private static final Workflow LINEAR = workflow("linear")
            .trigger(manual("manual").field("account_id", STRING))
            .step("load_account", Noop.class)
            .step("send_email", Noop.class)
            .transition("load_account", OK, "send_email")
            .transition("send_email", OK, COMPLETE)
            .build();

    private static final Workflow GATEWAY = workflow("gateway")
            .trigger(manual("manual").field("account_id", STRING))
            .step("check_gateway", Noop.class, s -> s.retry(2))
            .transition("check_gateway", OK, COMPLETE)
            .build();

    private static final Workflow PAUSING = workflow("pausing")
            .trigger(manual("manual").field("account_id", STRING))
            .step("wait_for_approval", pause(), s -> s.output("delivery"))
            .step("record_delivery", Noop.class)
            .transition("wait_for_approval", OK, "record_delivery")
            .transition("record_delivery", OK, COMPLETE)
            .build();

    private static final Workflow APPROVAL = workflow("approval")
            .trigger(manual("manual").field("account_id", STRING))
            .approval("wait_for_review", s -> s.output("review"))
            .step("record_approval", Noop.class)
            .step("record_rejection", Noop.class)
            .transition("wait_for_review", OK, "record_approval")
            .transition("wait_for_review", ERROR, "record_rejection")
            .transition("record_approval", OK, COMPLETE)
            .transition("record_rejection", OK, COMPLETE)
            .build();

    private static final Workflow DEPENDENCIES = workflow("dependencies")
            .trigger(manual("manual").field("account_id", STRING))
            .step("load_account", Noop.class)
            .step("load_invoice", Noop.class)
            .step("send_email", Noop.class, s -> s.after("load_account", "load_invoice"))
            .build();

    private static final Workflow IRREVERSIBLE_PAYMENT = workflow("irreversible_payment")
            .trigger(manual("manual").field("account_id", STRING))
            .step("load_account", Noop.class)
            .step("capture_payment", Noop.class, s -> s.irreversible())
            .step("send_receipt", Noop.class)
            .transition("load_account", OK, "capture_payment")
            .transition("capture_payment", OK, "send_receipt")
            .transition("send_receipt", OK, COMPLETE)
            .build();

    // ---- the decision table, in SPEC order -----------------------------------------------------------------

    @Nested
    class DecisionTable {

        @Test
        void waitingForAnEventNamesItsTimeoutAndWhatTheMailboxHolds() {
            Map<String, Object> resume = map("kind", "event", "event", "payment_confirmed",
                    "waiting_since", "2026-05-15T10:00:03Z", "timeout_at", "2026-05-15T10:30:03Z");
            RunEvent other = new RunEvent(id("e1"), RUN_ID, "refund_requested", Map.of(), null, ATTEMPT_AT, null, null);
            RunEvent taken = new RunEvent(id("e2"), RUN_ID, "payment_confirmed", Map.of(), null, ATTEMPT_AT,
                    "earlier_step", ATTEMPT_AT);
            Run run = run(RunStatus.RUNNING, "send_email")
                    .rows(row("load_account", "completed"), row("send_email", "running", attempt("send_email", 1, "running")))
                    .events(other, taken).build();

            RunExplanation e = RunExplainer.explain(run, Map.of("send_email", resume), Optional.of(LINEAR),
                    RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.RUNNING, "waiting_for_event", "send_email",
                    map("event", "payment_confirmed", "waiting_since", "2026-05-15T10:00:03Z",
                            "timeout_at", "2026-05-15T10:30:03Z", "mailbox", List.of("refund_requested")),
                    List.of("signal_run", "cancel_run"));
        }

        @Test
        void anOpenRunWithADeadlineSaysWhenAndHowLongIsLeftASettledOneDoesNot() {
            Instant deadline = Instant.parse("2026-05-15T10:30:00Z");
            RunExplainer.Supervision supervision = new RunExplainer.Supervision(null, null, 0, null, deadline,
                    java.time.Duration.ofSeconds(90));
            Run running = run(RunStatus.RUNNING, "send_email")
                    .rows(row("send_email", "running", attempt("send_email", 1, "running"))).build();
            RunExplanation open = RunExplainer.explain(running, Map.of(), Optional.of(LINEAR), supervision);
            assertEquals("2026-05-15T10:30:00Z", open.details().get("deadline_at"));
            assertEquals(90_000L, open.details().get("time_left_ms"));

            RunExplanation overdue = RunExplainer.explain(running, Map.of(), Optional.of(LINEAR),
                    new RunExplainer.Supervision(null, null, 0, null, deadline, java.time.Duration.ofSeconds(-5)));
            assertEquals(0L, overdue.details().get("time_left_ms"));

            Run completed = run(RunStatus.COMPLETED, null).rows(row("load_account", "completed")).build();
            assertFalse(RunExplainer.explain(completed, Map.of(), Optional.of(LINEAR), supervision).details()
                    .containsKey("deadline_at"));
        }

        @Test
        void waitingForAChildRunNamesTheChild() {
            Map<String, Object> resume = map("kind", "child", "child_run_id", "c-1", "workflow", "shipment");
            Run run = run(RunStatus.RUNNING, "send_email")
                    .rows(row("send_email", "running", attempt("send_email", 1, "running"))).build();

            RunExplanation e = RunExplainer.explain(run, Map.of("send_email", resume), Optional.of(LINEAR),
                    RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.RUNNING, "waiting_for_child", "send_email",
                    map("child_run_id", "c-1", "workflow", "shipment"), List.of("cancel_run"));
        }

        @Test
        void aRunningStepWithAnotherKindOfResumeIsNoEventWait() {
            Run run = run(RunStatus.RUNNING, "send_email")
                    .rows(row("send_email", "running", attempt("send_email", 1, "running"))).build();

            RunExplanation e = RunExplainer.explain(run, Map.of("send_email", map("kind", "batch")),
                    Optional.of(LINEAR), RunExplainer.Supervision.NONE);

            assertEquals("step_running", e.reason());
        }

        @Test
        void completed() {
            Run run = run(RunStatus.COMPLETED, null)
                    .rows(row("load_account", "completed"), row("send_email", "completed")).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.COMPLETED, "completed", null, REPLAY_ALLOWED, List.of("replay_run"));
            assertEquals(Set.of("run"), e.evidence().keySet());
            assertEquals(map("id", RUN_ID.toString(), "status", "completed", "workflow", "linear",
                    "current_step", null, "last_error", null, "inserted_at", "2026-05-15T10:00:00Z",
                    "updated_at", "2026-05-15T10:00:05.123456Z"), e.evidence().get("run"));
        }

        @Test
        void cancelled() {
            Run run = run(RunStatus.CANCELLED, null).rows(row("load_account", "completed")).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.CANCELLED, "cancelled", null, REPLAY_ALLOWED, List.of("replay_run"));
            assertEquals(Set.of("run"), e.evidence().keySet());
        }

        @Test
        void cancelling() {
            Run run = run(RunStatus.CANCELLING, null)
                    .rows(row("load_account", "running", attempt("load_account", 1, "running"))).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.CANCELLING, "cancelling", null, Map.of(),
                    List.of("wait_for_cancellation"));
            assertEquals(Set.of("run"), e.evidence().keySet());
            assertEquals("cancelling", runEvidence(e).get("status"));
        }

        @Test
        void pausedWithUnavailableWorkflow() {
            Run run = pausedAt("wait_for_review").build();

            RunExplanation e = RunExplainer.explain(run, Map.of("wait_for_review", APPROVAL_RESUME),
                    Optional.empty(), RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.PAUSED, "paused_with_unavailable_workflow", "wait_for_review",
                    Map.of("workflow_definition", "unavailable"), List.of("cancel_run"));
            assertEquals(Set.of("run", "workflow_definition", "step_run", "attempt"), e.evidence().keySet());
            assertEquals(Map.of("available?", false), e.evidence().get("workflow_definition"));
            assertEquals(map("kind", "approval", "ok", "record_approval", "error", "record_rejection",
                    "output_key", "review"), resumeEvidence(e));
        }

        @Test
        void pausedWithInvalidApprovalTarget() {
            Run run = pausedAt("wait_for_review").build();
            Map<String, Object> resume = map("kind", "approval", "ok_target", "missing_step",
                    "error_target", COMPLETE, "output_key", null);

            RunExplanation e = explainPaused(run, APPROVAL, "wait_for_review", resume);

            assertExplained(e, RunStatus.PAUSED, "paused_with_invalid_resume_target", "wait_for_review",
                    Map.of("approval_targets", Map.of("ok", "missing_step", "error", "complete")),
                    List.of("cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertEquals(map("kind", "approval", "ok", "missing_step", "error", "complete", "output_key", null),
                    resumeEvidence(e));
        }

        @Test
        void pausedForApproval() {
            Run run = pausedAt("wait_for_review").build();

            RunExplanation e = explainPaused(run, APPROVAL, "wait_for_review", APPROVAL_RESUME);

            assertExplained(e, RunStatus.PAUSED, "paused_for_approval", "wait_for_review",
                    Map.of("approval_targets", Map.of("ok", "record_approval", "error", "record_rejection")),
                    List.of("approve_run", "reject_run", "cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            StepRun row = run.stepRuns().get(0);
            assertEquals(map("id", row.id().toString(), "step", "wait_for_review", "status", "running",
                    "last_error", null, "inserted_at", "2026-05-15T10:00:01Z", "updated_at", "2026-05-15T10:00:02Z",
                    "resume", map("kind", "approval", "ok", "record_approval", "error", "record_rejection",
                            "output_key", "review")), e.evidence().get("step_run"));
            StepAttempt attempt = row.attempts().get(0);
            assertEquals(map("id", attempt.id().toString(), "attempt_number", 1, "status", "running", "error", null,
                    "inserted_at", "2026-05-15T10:00:03Z", "updated_at", "2026-05-15T10:00:03Z"),
                    e.evidence().get("attempt"));
        }

        @Test
        void pausedWithInvalidPauseTarget() {
            Run run = pausedAt("wait_for_approval").build();
            Map<String, Object> resume = map("output", Map.of(), "target", "missing_step");

            RunExplanation e = explainPaused(run, PAUSING, "wait_for_approval", resume);

            assertExplained(e, RunStatus.PAUSED, "paused_with_invalid_resume_target", "wait_for_approval",
                    Map.of("resume_target", "missing_step"), List.of("cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertEquals(map("kind", "pause", "target", "missing_step", "output", Map.of()), resumeEvidence(e));
        }

        @Test
        void pausedForManualAction() {
            Run run = pausedAt("wait_for_approval").build();
            Map<String, Object> resume = map("output", Map.of("delivery", Map.of()), "target", "record_delivery");

            RunExplanation e = explainPaused(run, PAUSING, "wait_for_approval", resume);

            assertExplained(e, RunStatus.PAUSED, "paused_for_manual_action", "wait_for_approval",
                    Map.of("resume_target", "record_delivery"), List.of("unblock_run", "cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertEquals(map("kind", "pause", "target", "record_delivery", "output", Map.of("delivery", Map.of())),
                    resumeEvidence(e));
        }

        @Test
        void pausedWithMissingResumeMetadata() {
            Run run = pausedAt("wait_for_approval").build();

            RunExplanation e = RunExplainer.explain(run, Map.of(), Optional.of(PAUSING), RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.PAUSED, "paused_with_missing_resume_metadata", "wait_for_approval",
                    Map.of("resume", "missing"), List.of("cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertFalse(stepRunEvidence(e).containsKey("resume"));
        }

        @Test
        void pausedWithMalformedResumeMetadata() {
            Run run = pausedAt("wait_for_approval").build();
            Map<String, Object> resume = map("output", Map.of(), "next", "record_delivery");

            RunExplanation e = explainPaused(run, PAUSING, "wait_for_approval", resume);

            assertExplained(e, RunStatus.PAUSED, "paused_with_missing_resume_metadata", "wait_for_approval",
                    Map.of("resume", "invalid_shape"), List.of("cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertFalse(stepRunEvidence(e).containsKey("resume"));
        }

        @Test
        void waitingForRetry() {
            Run run = run(RunStatus.RETRYING, "check_gateway").lastError(GATEWAY_ERROR)
                    .rows(row("check_gateway", "failed", failedAttempt("check_gateway", 1))).build();

            RunExplanation e = explain(run, GATEWAY);

            assertExplained(e, RunStatus.RETRYING, "waiting_for_retry", "check_gateway",
                    Map.of("next_attempt_number", 2, "last_error", GATEWAY_ERROR),
                    List.of("wait_for_retry", "cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertEquals(1, attemptEvidence(e).get("attempt_number"));
            assertEquals(GATEWAY_ERROR, attemptEvidence(e).get("error"));
            assertEquals(GATEWAY_ERROR, runEvidence(e).get("last_error"));
        }

        @Test
        void retryExhausted() {
            Run run = run(RunStatus.FAILED, "check_gateway").lastError(GATEWAY_ERROR)
                    .rows(row("check_gateway", "failed",
                            failedAttempt("check_gateway", 1), failedAttempt("check_gateway", 2))).build();

            RunExplanation e = explain(run, GATEWAY);

            assertExplained(e, RunStatus.FAILED, "retry_exhausted", "check_gateway",
                    map("last_error", GATEWAY_ERROR, "max_attempts", 2, "latest_attempt_number", 2,
                            "replay", Map.of("allowed?", true)),
                    List.of("replay_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertEquals("failed", stepRunEvidence(e).get("status"));
            assertEquals(2, attemptEvidence(e).get("attempt_number"));
            assertEquals("failed", attemptEvidence(e).get("status"));
        }

        @Test
        void stepFailed() {
            Run run = run(RunStatus.FAILED, "send_email").lastError(GATEWAY_ERROR)
                    .rows(row("load_account", "completed"),
                            row("send_email", "failed", failedAttempt("send_email", 1))).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.FAILED, "step_failed", "send_email",
                    map("last_error", GATEWAY_ERROR, "replay", Map.of("allowed?", true)), List.of("replay_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertEquals("send_email", stepRunEvidence(e).get("step"));
            assertEquals(1, attemptEvidence(e).get("attempt_number"));
        }

        @Test
        void waitingForDependencies() {
            Run run = run(RunStatus.RUNNING, null)
                    .rows(row("load_account", "completed"), row("load_invoice", "pending"))
                    .steps(state("load_account", "completed"), state("load_invoice", "pending"),
                            state("send_email", "waiting", "load_account", "load_invoice"))
                    .build();

            RunExplanation e = explain(run, DEPENDENCIES);

            assertExplained(e, RunStatus.RUNNING, "waiting_for_dependencies", "send_email",
                    map("waiting_on", List.of("load_invoice"),
                            "dependency_statuses", map("load_account", "completed", "load_invoice", "pending")),
                    List.of("wait_for_dependencies", "cancel_run"));
            assertEquals(Set.of("run", "steps"), e.evidence().keySet());
            assertEquals(List.of(
                    map("step", "load_account", "status", "completed", "depends_on", List.of(), "last_error", null),
                    map("step", "load_invoice", "status", "pending", "depends_on", List.of(), "last_error", null),
                    map("step", "send_email", "status", "waiting",
                            "depends_on", List.of("load_account", "load_invoice"), "last_error", null)),
                    e.evidence().get("steps"));
        }

        @Test
        void stepScheduledForADependencyJoin() {
            Run run = run(RunStatus.RUNNING, null)
                    .rows(row("load_account", "completed"), row("load_invoice", "completed"),
                            row("send_email", "pending"))
                    .steps(state("load_account", "completed"), state("load_invoice", "completed"),
                            state("send_email", "pending", "load_account", "load_invoice"))
                    .build();

            RunExplanation e = explain(run, DEPENDENCIES);

            assertExplained(e, RunStatus.RUNNING, "step_scheduled", "send_email",
                    Map.of("satisfied_dependencies", List.of("load_account", "load_invoice")),
                    List.of("wait_for_step", "cancel_run"));
            assertEquals(Set.of("run", "steps"), e.evidence().keySet());
            assertEquals(List.of("completed", "completed", "pending"), stepStatuses(e));
        }

        @Test
        void stepRunning() {
            Run run = run(RunStatus.RUNNING, "load_account")
                    .rows(row("load_account", "running", attempt("load_account", 1, "running"))).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.RUNNING, "step_running", "load_account",
                    Map.of("duplicate_delivery_policy", "skip_while_running"),
                    List.of("wait_for_step", "cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
            assertEquals("running", stepRunEvidence(e).get("status"));
            assertEquals("running", attemptEvidence(e).get("status"));
        }

        @Test
        void pendingDispatch() {
            Run run = run(RunStatus.PENDING, "load_account")
                    .steps(state("load_account", "waiting"), state("send_email", "waiting")).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.PENDING, "pending_dispatch", "load_account", Map.of(),
                    List.of("wait_for_step", "cancel_run"));
            assertEquals(Set.of("run"), e.evidence().keySet());
        }

        @Test
        void stepScheduledForTheNextStepWithoutARowYet() {
            Run run = run(RunStatus.RUNNING, "send_email")
                    .rows(row("load_account", "completed"))
                    .steps(state("load_account", "completed"), state("send_email", "waiting")).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.RUNNING, "step_scheduled", "send_email", Map.of(),
                    List.of("wait_for_step", "cancel_run"));
            assertEquals(Set.of("run"), e.evidence().keySet());
        }
    }

    // ---- finer points of individual rows -----------------------------------------------------------------

    @Nested
    class RowDetails {

        @Test
        void aPauseTargetOfCompleteIsValidAndRenderedAsComplete() {
            Run run = pausedAt("wait_for_approval").build();
            Map<String, Object> resume = map("output", Map.of(), "target", COMPLETE);

            RunExplanation e = explainPaused(run, PAUSING, "wait_for_approval", resume);

            assertExplained(e, RunStatus.PAUSED, "paused_for_manual_action", "wait_for_approval",
                    Map.of("resume_target", "complete"), List.of("unblock_run", "cancel_run"));
            assertEquals("complete", resumeEvidence(e).get("target"));
        }

        @Test
        void anApprovalTargetThatIsNotAStringCannotBeActedOnSoItIsInvalid() {
            Run run = pausedAt("wait_for_review").build();
            Map<String, Object> resume = map("kind", "approval", "ok_target", "record_approval",
                    "output_key", null);

            RunExplanation e = explainPaused(run, APPROVAL, "wait_for_review", resume);

            assertExplained(e, RunStatus.PAUSED, "paused_with_invalid_resume_target", "wait_for_review",
                    Map.of("approval_targets", map("ok", "record_approval", "error", null)), List.of("cancel_run"));
        }

        @Test
        void missingResumeMetadataIsReportedEvenWhenTheWorkflowCannotLoad() {
            // Table order: "unavailable workflow" needs resume metadata present; without it the run is explained
            // as missing metadata, as in the original (no workflow_definition flag on this row).
            Run run = pausedAt("wait_for_review").build();

            RunExplanation e = RunExplainer.explain(run, Map.of(), Optional.empty(), RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.PAUSED, "paused_with_missing_resume_metadata", "wait_for_review",
                    Map.of("resume", "missing"), List.of("cancel_run"));
            assertEquals(Set.of("run", "step_run", "attempt"), e.evidence().keySet());
        }

        @Test
        void aPausedRunWithoutACurrentStepHasNoResumeToRead() {
            Run run = run(RunStatus.PAUSED, null).build();

            RunExplanation e = explainPaused(run, PAUSING, "wait_for_approval",
                    map("output", Map.of(), "target", "record_delivery"));

            assertExplained(e, RunStatus.PAUSED, "paused_with_missing_resume_metadata", null,
                    Map.of("resume", "missing"), List.of("cancel_run"));
            assertEquals(Set.of("run"), e.evidence().keySet());
        }

        @Test
        void waitingForRetryDropsDetailsItCannotKnow() {
            Run run = run(RunStatus.RETRYING, "check_gateway").build();

            RunExplanation e = explain(run, GATEWAY);

            assertExplained(e, RunStatus.RETRYING, "waiting_for_retry", "check_gateway", Map.of(),
                    List.of("wait_for_retry", "cancel_run"));
            assertEquals(Set.of("run"), e.evidence().keySet());
        }

        @Test
        void theLatestAttemptIsTheHighestNumberedWhateverTheListOrder() {
            Run run = run(RunStatus.RETRYING, "check_gateway").lastError(GATEWAY_ERROR)
                    .rows(row("check_gateway", "failed",
                            failedAttempt("check_gateway", 3), failedAttempt("check_gateway", 1))).build();

            RunExplanation e = explain(run, GATEWAY);

            assertEquals(4, e.details().get("next_attempt_number"));
            assertEquals(3, attemptEvidence(e).get("attempt_number"));
        }

        @Test
        void aFailureBeforeTheLastAllowedAttemptIsAPlainStepFailure() {
            // e.g. a non-retryable error on attempt 1 of 2: the policy was not used up.
            Run run = run(RunStatus.FAILED, "check_gateway").lastError(GATEWAY_ERROR)
                    .rows(row("check_gateway", "failed", failedAttempt("check_gateway", 1))).build();

            RunExplanation e = explain(run, GATEWAY);

            assertExplained(e, RunStatus.FAILED, "step_failed", "check_gateway",
                    map("last_error", GATEWAY_ERROR, "replay", Map.of("allowed?", true)), List.of("replay_run"));
        }

        @Test
        void retriesAreNotKnownExhaustedWithoutTheWorkflow() {
            Run run = run(RunStatus.FAILED, "check_gateway").lastError(GATEWAY_ERROR)
                    .rows(row("check_gateway", "failed",
                            failedAttempt("check_gateway", 1), failedAttempt("check_gateway", 2))).build();

            RunExplanation e = RunExplainer.explain(run, Map.of(), Optional.empty(), RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.FAILED, "step_failed", "check_gateway",
                    map("last_error", GATEWAY_ERROR, "workflow_definition", "unavailable"), List.of());
        }

        @Test
        void aFreshDependencyRunWaitsOnItsRootsAndReportsUnknownDependenciesAsMissing() {
            Run run = run(RunStatus.PENDING, null)
                    .rows(row("load_account", "pending"))
                    .steps(state("load_account", "pending"),
                            state("send_email", "waiting", "load_account", "legacy_lookup"))
                    .build();

            RunExplanation e = explain(run, DEPENDENCIES);

            assertExplained(e, RunStatus.PENDING, "waiting_for_dependencies", "send_email",
                    map("waiting_on", List.of("load_account", "legacy_lookup"),
                            "dependency_statuses", map("load_account", "pending", "legacy_lookup", "missing")),
                    List.of("wait_for_dependencies", "cancel_run"));
        }

        @Test
        void aDependencyWaitComesBeforeAJoinAndBeforeARunningStep() {
            Run run = run(RunStatus.RUNNING, "load_account")
                    .rows(row("load_account", "running", attempt("load_account", 1, "running")),
                            row("load_invoice", "completed"), row("send_email", "pending"))
                    .steps(state("load_account", "running"), state("load_invoice", "completed"),
                            state("send_email", "pending", "load_invoice"),
                            state("notify", "waiting", "load_account"))
                    .build();

            RunExplanation e = explain(run, DEPENDENCIES);

            assertEquals("waiting_for_dependencies", e.reason());
            assertEquals("notify", e.step());
        }

        @Test
        void aJoinComesBeforeARunningCurrentStep() {
            Run run = run(RunStatus.RUNNING, "load_account")
                    .rows(row("load_account", "running", attempt("load_account", 1, "running")))
                    .steps(state("load_account", "running"), state("load_invoice", "completed"),
                            state("send_email", "pending", "load_invoice"))
                    .build();

            RunExplanation e = explain(run, DEPENDENCIES);

            assertEquals("step_scheduled", e.reason());
            assertEquals("send_email", e.step());
        }

        @Test
        void aPendingRootIsNotAJoin() {
            Run run = run(RunStatus.RUNNING, "load_account")
                    .steps(state("load_account", "pending"), state("send_email", "completed")).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.RUNNING, "step_scheduled", "load_account", Map.of(),
                    List.of("wait_for_step", "cancel_run"));
        }

        @Test
        void runsMustBeReadWithTheirHistory() {
            Run run = run(RunStatus.RUNNING, "load_account").build().withoutHistory();

            assertThrows(NullPointerException.class,
                    () -> RunExplainer.explain(run, Map.of(), Optional.of(LINEAR), RunExplainer.Supervision.NONE));
        }
    }

    // ---- replay details ----------------------------------------------------------------------------------

    @Nested
    class ReplayDetails {

        private final Map<String, Object> blocked = Map.of("replay", Map.of("allowed?", false,
                "required_override", "allow_irreversible",
                "blocked_by", List.of(with(IRREVERSIBLE, "step", "capture_payment"))));

        @Test
        void aCompletedIrreversibleStepBlocksReplayOfACompletedRun() {
            Run run = run(RunStatus.COMPLETED, null)
                    .rows(row("load_account", "completed"), row("capture_payment", "completed", IRREVERSIBLE),
                            row("send_receipt", "completed")).build();

            RunExplanation e = explain(run, IRREVERSIBLE_PAYMENT);

            assertExplained(e, RunStatus.COMPLETED, "completed", null, blocked, List.of());
        }

        @Test
        void aCompletedIrreversibleStepBlocksReplayOfACancelledRun() {
            Run run = run(RunStatus.CANCELLED, null)
                    .rows(row("load_account", "completed"), row("capture_payment", "completed", IRREVERSIBLE))
                    .build();

            RunExplanation e = explain(run, IRREVERSIBLE_PAYMENT);

            assertExplained(e, RunStatus.CANCELLED, "cancelled", null, blocked, List.of());
        }

        @Test
        void aCompletedIrreversibleStepBlocksReplayOfAFailedRun() {
            Run run = run(RunStatus.FAILED, "send_receipt").lastError(GATEWAY_ERROR)
                    .rows(row("load_account", "completed"), row("capture_payment", "completed", IRREVERSIBLE),
                            row("send_receipt", "failed", failedAttempt("send_receipt", 1))).build();

            RunExplanation e = explain(run, IRREVERSIBLE_PAYMENT);

            Map<String, Object> details = new LinkedHashMap<>(Map.of("last_error", GATEWAY_ERROR));
            details.putAll(blocked);
            assertExplained(e, RunStatus.FAILED, "step_failed", "send_receipt", details, List.of());
        }

        @Test
        void anIrreversibleStepThatFailedDoesNotBlockReplay() {
            Run run = run(RunStatus.FAILED, "capture_payment").lastError(GATEWAY_ERROR)
                    .rows(row("load_account", "completed"),
                            row("capture_payment", "failed", IRREVERSIBLE, failedAttempt("capture_payment", 1)))
                    .build();

            RunExplanation e = explain(run, IRREVERSIBLE_PAYMENT);

            assertExplained(e, RunStatus.FAILED, "step_failed", "capture_payment",
                    map("last_error", GATEWAY_ERROR, "replay", Map.of("allowed?", true)), List.of("replay_run"));
        }

        @Test
        void theStepRunsPolicyIsUsedNotTheCurrentDefinitions() {
            // The row carries the persisted (effective) policy; LINEAR now declares load_account reversible.
            Run run = run(RunStatus.COMPLETED, null)
                    .rows(row("load_account", "completed", IRREVERSIBLE), row("send_email", "completed")).build();

            RunExplanation e = explain(run, LINEAR);

            assertExplained(e, RunStatus.COMPLETED, "completed", null,
                    Map.of("replay", Map.of("allowed?", false, "required_override", "allow_irreversible",
                            "blocked_by", List.of(with(IRREVERSIBLE, "step", "load_account")))),
                    List.of());
        }
    }

    // ---- workflow no longer loadable ---------------------------------------------------------------------

    @Nested
    class UnavailableWorkflow {

        @Test
        void aCompletedRunOffersNoReplay() {
            Run run = run(RunStatus.COMPLETED, null).rows(row("load_account", "completed")).build();

            RunExplanation e = RunExplainer.explain(run, Map.of(), Optional.empty(), RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.COMPLETED, "completed", null, Map.of("workflow_definition", "unavailable"),
                    List.of());
            assertEquals(Set.of("run", "workflow_definition"), e.evidence().keySet());
            assertEquals(Map.of("available?", false), e.evidence().get("workflow_definition"));
        }

        @Test
        void aCancelledRunOffersNoReplay() {
            Run run = run(RunStatus.CANCELLED, null).build();

            RunExplanation e = RunExplainer.explain(run, Map.of(), Optional.empty(), RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.CANCELLED, "cancelled", null, Map.of("workflow_definition", "unavailable"),
                    List.of());
            assertEquals(Map.of("available?", false), e.evidence().get("workflow_definition"));
        }

        @Test
        void aFailedRunOffersNoReplayAndStillShowsTheStep() {
            Run run = run(RunStatus.FAILED, "send_email").lastError(GATEWAY_ERROR)
                    .rows(row("send_email", "failed", failedAttempt("send_email", 1))).build();

            RunExplanation e = RunExplainer.explain(run, Map.of(), Optional.empty(), RunExplainer.Supervision.NONE);

            assertExplained(e, RunStatus.FAILED, "step_failed", "send_email",
                    map("last_error", GATEWAY_ERROR, "workflow_definition", "unavailable"), List.of());
            assertEquals(Set.of("run", "workflow_definition", "step_run", "attempt"), e.evidence().keySet());
            assertEquals(Map.of("available?", false), e.evidence().get("workflow_definition"));
        }
    }

    // ---- cross-cutting -----------------------------------------------------------------------------------

    @Nested
    class CrossCutting {

        @Test
        void scheduleEvidenceIsCopiedFromTheRunContext() {
            Map<String, Object> schedule = Map.of("trigger", "nightly", "signal_id", "nightly:2026-05-15T00:00:00Z",
                    "intended_window", Map.of("start_at", "2026-05-15T00:00:00Z"));
            Run run = run(RunStatus.PENDING, "load_account")
                    .context(map("schedule", schedule, "account", Map.of("id", "acct_123"))).build();

            RunExplanation e = explain(run, LINEAR);

            assertEquals(map("id", RUN_ID.toString(), "status", "pending", "workflow", "linear",
                    "current_step", "load_account", "last_error", null, "inserted_at", "2026-05-15T10:00:00Z",
                    "updated_at", "2026-05-15T10:00:05.123456Z", "schedule", schedule), runEvidence(e));
        }

        @Test
        void stepRunningShowsTheLeaseOnTheAttempt() {
            Run run = run(RunStatus.RUNNING, "load_account")
                    .rows(row("load_account", "running", attempt("load_account", 1, "running"))).build();
            Instant until = Instant.parse("2026-05-15T10:00:35Z");

            RunExplanation e = RunExplainer.explain(run, Map.of(), Optional.of(LINEAR), new RunExplainer.Supervision(
                    new RunExplainer.Supervision.Lease("node-a", until, true), null, 0, null));

            assertExplained(e, RunStatus.RUNNING, "step_running", "load_account",
                    Map.of("duplicate_delivery_policy", "skip_while_running",
                            "lease", Map.of("node", "node-a", "until", "2026-05-15T10:00:35Z", "live", true)),
                    List.of("wait_for_step", "cancel_run"));
        }

        @Test
        void aScheduledStepSaysByWhenItIsExpectedAndWhatTheWatchdogDid() {
            Run run = run(RunStatus.RUNNING, "load_account").build();
            Instant expected = Instant.parse("2026-05-15T10:01:00Z");
            Instant next = Instant.parse("2026-05-15T10:03:00Z");

            RunExplanation quiet = RunExplainer.explain(run, Map.of(), Optional.of(LINEAR),
                    new RunExplainer.Supervision(null, expected, 0, null));
            RunExplanation requeued = RunExplainer.explain(run, Map.of(), Optional.of(LINEAR),
                    new RunExplainer.Supervision(null, next, 2, next));

            assertEquals(Map.of("expected_by", "2026-05-15T10:01:00Z"), quiet.details());
            assertEquals(Map.of("expected_by", "2026-05-15T10:03:00Z",
                    "watchdog", Map.of("requeued", 2, "next_look", "2026-05-15T10:03:00Z")), requeued.details());
            assertEquals("step_scheduled", requeued.reason());
        }

        @Test
        void failedRunsNeverOfferCancelRun() {
            Run exhausted = run(RunStatus.FAILED, "check_gateway").lastError(GATEWAY_ERROR)
                    .rows(row("check_gateway", "failed",
                            failedAttempt("check_gateway", 1), failedAttempt("check_gateway", 2))).build();
            Run failed = run(RunStatus.FAILED, "check_gateway").lastError(GATEWAY_ERROR)
                    .rows(row("check_gateway", "failed", failedAttempt("check_gateway", 1))).build();
            Run blocked = run(RunStatus.FAILED, "send_receipt")
                    .rows(row("capture_payment", "completed", IRREVERSIBLE), row("send_receipt", "failed")).build();

            List<RunExplanation> explanations = List.of(explain(exhausted, GATEWAY), explain(failed, GATEWAY),
                    explain(blocked, IRREVERSIBLE_PAYMENT),
                    RunExplainer.explain(failed, Map.of(), Optional.empty(), RunExplainer.Supervision.NONE));

            assertEquals(List.of("retry_exhausted", "step_failed", "step_failed", "step_failed"),
                    explanations.stream().map(RunExplanation::reason).toList());
            assertAll(explanations.stream().<Executable>map(e -> () -> assertFalse(
                    e.nextActions().contains("cancel_run"), e.reason() + " offers " + e.nextActions())));
        }

        @Test
        void theExplanationIsJsonReadyAndReadOnly() {
            Run run = pausedAt("wait_for_review").context(Map.of("schedule", Map.of("trigger", "nightly"))).build();

            RunExplanation e = explainPaused(run, APPROVAL, "wait_for_review", APPROVAL_RESUME);

            assertEquals(e.evidence(), Json.readObject(Json.write(e.evidence())));
            assertEquals(e.details(), Json.readObject(Json.write(e.details())));
            assertThrows(UnsupportedOperationException.class, () -> e.details().put("x", 1));
            assertThrows(UnsupportedOperationException.class, () -> e.evidence().put("x", 1));
            assertThrows(UnsupportedOperationException.class, () -> e.nextActions().add("x"));
        }
    }

    // ---- fixtures ----------------------------------------------------------------------------------------

    /** Never run: the workflows only need a step class to compile. */
    static final class Noop implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }

    /** A run as {@link RunReader} returns it with history; empty collections unless set. */
    private static final class RunFixture {
        private final RunStatus status;
        private final String currentStep;
        private Map<String, Object> lastError;
        private Map<String, Object> context = Map.of();
        private List<StepRun> rows = List.of();
        private List<StepState> steps = List.of();
        private List<RunEvent> events = List.of();

        private RunFixture(RunStatus status, String currentStep) {
            this.status = status;
            this.currentStep = currentStep;
        }

        RunFixture lastError(Map<String, Object> error) {
            this.lastError = error;
            return this;
        }

        RunFixture context(Map<String, Object> context) {
            this.context = context;
            return this;
        }

        RunFixture rows(StepRun... rows) {
            this.rows = List.of(rows);
            return this;
        }

        RunFixture events(RunEvent... events) {
            this.events = List.of(events);
            return this;
        }

        RunFixture steps(StepState... steps) {
            this.steps = List.of(steps);
            return this;
        }

        Run build() {
            // The workflow column is informational: the explainer is handed the Workflow (or its absence) itself.
            return new Run(RUN_ID, "linear", "1", "manual", status, Map.of("account_id", "acct_123"), context,
                    currentStep, lastError, null, null, 4, null, null, RUN_INSERTED, RUN_UPDATED, steps, rows, List.of(),
                    events, List.of());
        }
    }

    private static RunFixture run(RunStatus status, String currentStep) {
        return new RunFixture(status, currentStep);
    }

    /** A paused run whose manual step row and attempt are running, as after the step paused. */
    private static RunFixture pausedAt(String step) {
        return run(RunStatus.PAUSED, step).rows(row(step, "running", attempt(step, 1, "running")));
    }

    private static StepRun row(String step, String status, StepAttempt... attempts) {
        return row(step, status, REPLAYABLE, attempts);
    }

    private static StepRun row(String step, String status, Map<String, Object> recovery, StepAttempt... attempts) {
        Map<String, Object> lastError = "failed".equals(status) ? GATEWAY_ERROR : null;
        return new StepRun(id(step), step, status, Map.of(), null, lastError, recovery, List.of(attempts),
                ROW_INSERTED, ROW_UPDATED);
    }

    private static StepAttempt attempt(String step, int number, String status) {
        return new StepAttempt(id(step + "#" + number), number, status, null, ATTEMPT_AT, ATTEMPT_AT);
    }

    private static StepAttempt failedAttempt(String step, int number) {
        return new StepAttempt(id(step + "#" + number), number, "failed", GATEWAY_ERROR, ATTEMPT_AT, ATTEMPT_AT);
    }

    private static StepState state(String step, String status, String... dependsOn) {
        return new StepState(step, status, List.of(dependsOn), null, null, null, REPLAYABLE, List.of(), null, null);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static RunExplanation explain(Run run, Workflow workflow) {
        return RunExplainer.explain(run, Map.of(), Optional.of(workflow), RunExplainer.Supervision.NONE);
    }

    private static RunExplanation explainPaused(Run run, Workflow workflow, String step, Map<String, Object> resume) {
        return RunExplainer.explain(run, Map.of(step, resume), Optional.of(workflow), RunExplainer.Supervision.NONE);
    }

    private static void assertExplained(RunExplanation e, RunStatus status, String reason, String step,
                                        Map<String, Object> details, List<String> nextActions) {
        assertAll(
                () -> assertEquals(status, e.status(), "status"),
                () -> assertEquals(reason, e.reason(), "reason"),
                () -> assertEquals(step, e.step(), "step"),
                () -> assertEquals(details, e.details(), "details"),
                () -> assertEquals(nextActions, e.nextActions(), "next_actions"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evidence(RunExplanation e, String key) {
        return (Map<String, Object>) e.evidence().get(key);
    }

    private static Map<String, Object> runEvidence(RunExplanation e) {
        return evidence(e, "run");
    }

    private static Map<String, Object> stepRunEvidence(RunExplanation e) {
        return evidence(e, "step_run");
    }

    private static Map<String, Object> attemptEvidence(RunExplanation e) {
        return evidence(e, "attempt");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resumeEvidence(RunExplanation e) {
        return (Map<String, Object>) stepRunEvidence(e).get("resume");
    }

    @SuppressWarnings("unchecked")
    private static List<String> stepStatuses(RunExplanation e) {
        List<String> statuses = new ArrayList<>();
        for (Object step : (List<Object>) e.evidence().get("steps")) {
            statuses.add((String) ((Map<String, Object>) step).get("status"));
        }
        return statuses;
    }

    /** A map literal that, unlike {@link Map#of}, keeps nulls (evidence shows absent values as null). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
