package io.squidmesh.runtime.internal.query;

import io.squidmesh.Run;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.ReplaySafety;
import io.squidmesh.runtime.internal.Telemetry;
import io.squidmesh.runtime.internal.definition.DefinitionVerdict;
import io.squidmesh.runtime.internal.waiting.ChildRuns;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.RetryPolicy;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code explain_run} (SPEC §9): why a run is where it is and what an operator may do next, decided from the
 * run read with its history, the current step's persisted resume metadata, the workflow (when it still
 * loads) and what watches the run ({@link Supervision}: the current step's lease, the watchdog's view). Pure and
 * read-only: it never mutates anything, so an operator can ask
 * as often as they like, and every rule is testable without a database.
 */
public final class RunExplainer {

    /** SPEC §9's complete reason set. */
    static final class Reason {
        static final String PENDING_DISPATCH = "pending_dispatch";
        static final String STEP_SCHEDULED = "step_scheduled";
        static final String STEP_RUNNING = "step_running";
        static final String WAITING_FOR_DEPENDENCIES = "waiting_for_dependencies";
        static final String WAITING_FOR_RETRY = "waiting_for_retry";
        static final String WAITING_FOR_EVENT = "waiting_for_event";
        static final String WAITING_FOR_CHILD = "waiting_for_child";
        static final String WAITING_FOR_SLOT = Telemetry.WAITING_FOR_SLOT;
        static final String RETRY_EXHAUSTED = "retry_exhausted";
        static final String STEP_FAILED = "step_failed";
        static final String PAUSED_FOR_MANUAL_ACTION = "paused_for_manual_action";
        static final String PAUSED_FOR_APPROVAL = "paused_for_approval";
        static final String PAUSED_WITH_MISSING_RESUME_METADATA = "paused_with_missing_resume_metadata";
        static final String PAUSED_WITH_INVALID_RESUME_TARGET = "paused_with_invalid_resume_target";
        static final String PAUSED_WITH_UNAVAILABLE_WORKFLOW = "paused_with_unavailable_workflow";
        static final String DEFINITION_CHANGED = DefinitionVerdict.DEFINITION_CHANGED;
        static final String VERSION_NOT_DEPLOYED = DefinitionVerdict.VERSION_NOT_DEPLOYED;
        static final String CANCELLING = "cancelling";
        static final String CANCELLED = "cancelled";
        static final String COMPLETED = "completed";

        private Reason() {
        }
    }

    /** SPEC §9's complete next-action set. */
    static final class Action {
        static final String WAIT_FOR_STEP = "wait_for_step";
        static final String WAIT_FOR_DEPENDENCIES = "wait_for_dependencies";
        static final String WAIT_FOR_RETRY = "wait_for_retry";
        static final String WAIT_FOR_CANCELLATION = "wait_for_cancellation";
        static final String UNBLOCK_RUN = "unblock_run";
        static final String APPROVE_RUN = "approve_run";
        static final String REJECT_RUN = "reject_run";
        static final String CANCEL_RUN = "cancel_run";
        static final String SIGNAL_RUN = "signal_run";
        static final String REPLAY_RUN = "replay_run";
        static final String MIGRATE_RUN = "migrate_run";

        private Action() {
        }
    }

    private static final String UNAVAILABLE = "unavailable";
    private static final String SKIP_WHILE_RUNNING = "skip_while_running";
    // the public step shapes carry a step row's status as its stored name
    private static final String STATUS_COMPLETED = StepStatus.COMPLETED.value();
    private static final String STATUS_RUNNING = StepStatus.RUNNING.value();
    private static final String STATUS_PENDING = StepStatus.PENDING.value();
    private static final String STATUS_WAITING = StepState.WAITING;
    private static final String NO_ROW = "missing";
    private static final List<String> WAIT_FOR_STEP_OR_CANCEL = List.of(Action.WAIT_FOR_STEP, Action.CANCEL_RUN);

    private RunExplainer() {
    }

    /**
     * Who watches the run right now: the lease on its current step's running attempt, if any, and the watchdog's
     * view (by when it expects the run to move, how often it re-queued the run's work, when it looks again).
     */
    public record Supervision(Lease lease, java.time.Instant expectedBy, int nudges, java.time.Instant nextLook,
                              java.time.Instant deadline, java.time.Duration timeLeft,
                              Map<String, Object> definitionHold, SlotWait slotWait) {
        public static final Supervision NONE = new Supervision(null, null, 0, null);

        /** Without a run deadline. */
        public Supervision(Lease lease, java.time.Instant expectedBy, int nudges, java.time.Instant nextLook) {
            this(lease, expectedBy, nudges, nextLook, null, null);
        }

        /** Not held for its definition. */
        public Supervision(Lease lease, java.time.Instant expectedBy, int nudges, java.time.Instant nextLook,
                           java.time.Instant deadline, java.time.Duration timeLeft) {
            this(lease, expectedBy, nudges, nextLook, deadline, timeLeft, null, null);
        }

        /**
         * A step waiting for a slot of its workflow's concurrency limit.
         *
         * @param step the step
         * @param limit the workflow's limit
         * @param since since when it waits
         * @param woken when a delivery was queued for it (it holds a slot until it claims it), or null
         */
        public record SlotWait(String step, int limit, java.time.Instant since, java.time.Instant woken) {
        }

        /** The claim on an executing attempt: its node, until when it holds, whether it is live now. */
        public record Lease(String node, java.time.Instant until, boolean live) {
        }

        void describeWatchdog(Map<String, Object> details) {
            if (expectedBy != null) {
                details.put("expected_by", expectedBy.toString());
            }
            if (nudges > 0) {
                Map<String, Object> watchdog = new LinkedHashMap<>();
                watchdog.put("requeued", nudges);
                if (nextLook != null) {
                    watchdog.put("next_look", nextLook.toString());
                }
                details.put("watchdog", Collections.unmodifiableMap(watchdog));
            }
        }
    }

    /**
     * Explains {@code run}, which must have been read with its history.
     *
     * @param resumeByStep      each step row's persisted {@code resume} JSON by step name; absent when the
     *                          row has none
     * @param workflow          the run's workflow, empty when it can no longer be loaded
     * @param supervision       the lease and the watchdog's view, {@link Supervision#NONE} when unknown
     */
    public static RunExplanation explain(Run run, Map<String, Map<String, Object>> resumeByStep,
                                         Optional<Workflow> workflow, Supervision supervision) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(run.steps(), "run must be read with its history (steps)");
        Objects.requireNonNull(run.stepRuns(), "run must be read with its history (step runs)");
        Objects.requireNonNull(resumeByStep, "resumeByStep");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(supervision, "supervision");
        RunExplanation explanation = switch (run.status()) {
            case COMPLETED -> ended(run, workflow, Reason.COMPLETED);
            case CANCELLED -> ended(run, workflow, Reason.CANCELLED);
            case CANCELLING -> explanation(run, Reason.CANCELLING, run.currentStep(), Map.of(),
                    List.of(Action.WAIT_FOR_CANCELLATION), ExplanationEvidence.of(run));
            case PAUSED -> supervision.definitionHold() != null ? held(run, supervision.definitionHold())
                    : paused(run, resumeByStep, workflow);
            case RETRYING -> supervision.slotWait() != null ? waitingForSlot(run, supervision.slotWait())
                    : retrying(run, supervision);
            case FAILED -> failed(run, workflow);
            case PENDING, RUNNING -> supervision.slotWait() != null ? waitingForSlot(run, supervision.slotWait())
                    : waitingOutside(run, resumeByStep).orElseGet(() -> active(run, supervision));
        };
        return withDeadline(explanation, supervision);
    }

    /** An open run with a deadline says when it is and how long is left ({@code deadline_at}, {@code time_left_ms}). */
    private static RunExplanation withDeadline(RunExplanation explanation, Supervision supervision) {
        if (supervision.deadline() == null || explanation.status().isTerminal()) {
            return explanation;
        }
        Map<String, Object> details = new LinkedHashMap<>(explanation.details());
        details.put("deadline_at", supervision.deadline().toString());
        if (supervision.timeLeft() != null) {
            details.put("time_left_ms", Math.max(0, supervision.timeLeft().toMillis()));
        }
        return new RunExplanation(explanation.status(), explanation.reason(), explanation.step(),
                Collections.unmodifiableMap(details), explanation.nextActions(), explanation.evidence());
    }

    // ---- completed and cancelled -------------------------------------------------------------------------

    private static RunExplanation ended(Run run, Optional<Workflow> workflow, String reason) {
        Replay replay = Replay.of(run, workflow);
        return explanation(run, reason, null, replay.details(), replay.nextActions(), evidence(run, workflow));
    }

    // ---- paused ------------------------------------------------------------------------------------------

    private static RunExplanation paused(Run run, Map<String, Map<String, Object>> resumeByStep,
                                         Optional<Workflow> workflow) {
        Current current = Current.of(run);
        Map<String, Object> stored = run.currentStep() == null ? null : resumeByStep.get(run.currentStep());
        Optional<PausedResume> read = PausedResume.read(stored);
        if (read.isEmpty()) {
            // Checked first but equivalent to SPEC order: every other paused row needs usable metadata. Ambiguity:
            // with the workflow also unloadable this row still wins and carries no workflow_definition (original).
            return explanation(run, Reason.PAUSED_WITH_MISSING_RESUME_METADATA, run.currentStep(),
                    Map.of("resume", PausedResume.unusable(stored)), List.of(Action.CANCEL_RUN),
                    ExplanationEvidence.of(run).step(current.row(), current.attempt()));
        }
        PausedResume resume = read.get();
        ExplanationEvidence evidence = ExplanationEvidence.of(run);
        if (workflow.isEmpty()) {
            // Unblock/approve/reject load the workflow (SPEC §6.9 step 2), so only cancelling can succeed.
            evidence.workflowUnavailable().pausedStep(current.row(), current.attempt(), resume.evidence());
            return explanation(run, Reason.PAUSED_WITH_UNAVAILABLE_WORKFLOW, run.currentStep(),
                    Map.of("workflow_definition", UNAVAILABLE), List.of(Action.CANCEL_RUN), evidence);
        }
        evidence.pausedStep(current.row(), current.attempt(), resume.evidence());
        if (!resume.targetsKnownTo(workflow.get())) {
            return explanation(run, Reason.PAUSED_WITH_INVALID_RESUME_TARGET, run.currentStep(), resume.details(),
                    List.of(Action.CANCEL_RUN), evidence);
        }
        if (resume.isApproval()) {
            return explanation(run, Reason.PAUSED_FOR_APPROVAL, run.currentStep(), resume.details(),
                    List.of(Action.APPROVE_RUN, Action.REJECT_RUN, Action.CANCEL_RUN), evidence);
        }
        return explanation(run, Reason.PAUSED_FOR_MANUAL_ACTION, run.currentStep(), resume.details(),
                List.of(Action.UNBLOCK_RUN, Action.CANCEL_RUN), evidence);
    }

    /**
     * Paused by a delivery because the run's pinned definition changed or its version is gone: the hold names what
     * differs; the way on is a migration to a deployed version (or cancelling).
     */
    private static RunExplanation held(Run run, Map<String, Object> hold) {
        Current current = Current.of(run);
        String reason = DefinitionVerdict.VERSION_NOT_DEPLOYED.equals(hold.get("reason"))
                ? Reason.VERSION_NOT_DEPLOYED : Reason.DEFINITION_CHANGED;
        Map<String, Object> details = new LinkedHashMap<>();
        hold.forEach((key, value) -> {
            if (!"reason".equals(key) && value != null) {
                details.put(key, value);
            }
        });
        return explanation(run, reason, run.currentStep(), details, List.of(Action.MIGRATE_RUN, Action.CANCEL_RUN),
                ExplanationEvidence.of(run).step(current.row(), current.attempt()));
    }

    /** A step waits, without a thread or a message, until a step of its workflow ends and hands it the slot. */
    private static RunExplanation waitingForSlot(Run run, Supervision.SlotWait wait) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("concurrency_limit", wait.limit());
        details.put("waiting_since", wait.since().toString());
        if (wait.woken() != null) {
            details.put("woken_at", wait.woken().toString());
        }
        return explanation(run, Reason.WAITING_FOR_SLOT, wait.step(), details, WAIT_FOR_STEP_OR_CANCEL,
                ExplanationEvidence.of(run));
    }

    // ---- retrying and failed -----------------------------------------------------------------------------

    private static RunExplanation retrying(Run run, Supervision supervision) {
        Current current = Current.of(run);
        Map<String, Object> details = new LinkedHashMap<>();
        if (current.attempt() != null) {
            details.put("next_attempt_number", current.attempt().attemptNumber() + 1);
        }
        putPresent(details, "last_error", run.lastError());
        supervision.describeWatchdog(details);
        return explanation(run, Reason.WAITING_FOR_RETRY, run.currentStep(), details,
                List.of(Action.WAIT_FOR_RETRY, Action.CANCEL_RUN),
                ExplanationEvidence.of(run).step(current.row(), current.attempt()));
    }

    /** A failed run is terminal: it can only be replayed, never cancelled. */
    private static RunExplanation failed(Run run, Optional<Workflow> workflow) {
        Current current = Current.of(run);
        Map<String, Object> details = new LinkedHashMap<>();
        // Ambiguity: SPEC drops nulls only on the retry row; like the original, a null last_error goes here too.
        putPresent(details, "last_error", run.lastError());
        Optional<RetryPolicy> exhausted = exhaustedRetryPolicy(run, workflow, current.attempt());
        exhausted.ifPresent(policy -> {
            details.put("max_attempts", policy.maxAttempts());
            details.put("latest_attempt_number", current.attempt().attemptNumber());
        });
        Replay replay = Replay.of(run, workflow);
        details.putAll(replay.details());
        String reason = exhausted.isPresent() ? Reason.RETRY_EXHAUSTED : Reason.STEP_FAILED;
        return explanation(run, reason, run.currentStep(), details, replay.nextActions(),
                evidence(run, workflow).step(current.row(), current.attempt()));
    }

    /**
     * The current step's retry policy when its latest attempt used it up. Without the workflow the policy is
     * unknown, so such a failure is explained as a plain {@code step_failed}.
     */
    private static Optional<RetryPolicy> exhaustedRetryPolicy(Run run, Optional<Workflow> workflow,
                                                              StepAttempt latest) {
        if (latest == null) {
            return Optional.empty();
        }
        return workflow.flatMap(w -> w.step(run.currentStep()))
                .map(StepSpec::retry)
                .filter(policy -> latest.attemptNumber() >= policy.maxAttempts());
    }

    // ---- pending and running -----------------------------------------------------------------------------

    /**
     * A step waits for something outside the run: an external event (which, since when, until when, and what
     * already sits in the mailbox: events of other names that no step took yet), or a child run's end.
     */
    private static Optional<RunExplanation> waitingOutside(Run run, Map<String, Map<String, Object>> resumeByStep) {
        return run.stepRuns().stream()
                .filter(row -> STATUS_RUNNING.equals(row.status()))
                .map(row -> Map.entry(row.step(), Optional.ofNullable(StepResume.read(resumeByStep.get(row.step())))))
                .filter(waiting -> waiting.getValue().orElse(null) instanceof StepResume.EventWait
                        || waiting.getValue().orElse(null) instanceof StepResume.ChildWait)
                .findFirst()
                .map(waiting -> {
                    String step = waiting.getKey();
                    StepResume resume = waiting.getValue().orElseThrow();
                    if (resume instanceof StepResume.ChildWait child) {
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put(ChildRuns.CHILD_RUN_ID, child.childRunId());
                        details.put("workflow", child.workflow());
                        return explanation(run, Reason.WAITING_FOR_CHILD, step, details,
                                List.of(Action.CANCEL_RUN), ExplanationEvidence.of(run));
                    }
                    StepResume.EventWait awaited = (StepResume.EventWait) resume;
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("event", awaited.event());
                    details.put("waiting_since", awaited.waitingSince());
                    if (awaited.timeoutAt() != null) {
                        details.put("timeout_at", awaited.timeoutAt());
                    }
                    if (run.events() != null) {
                        details.put("mailbox", run.events().stream().filter(event -> !event.consumed())
                                .map(io.squidmesh.RunEvent::event).toList());
                    }
                    return explanation(run, Reason.WAITING_FOR_EVENT, step, details,
                            List.of(Action.SIGNAL_RUN, Action.CANCEL_RUN), ExplanationEvidence.of(run));
                });
    }

    private static RunExplanation active(Run run, Supervision supervision) {
        Map<String, StepState> byName = byName(run.steps());
        Optional<StepState> waiting = run.steps().stream()
                .filter(step -> STATUS_WAITING.equals(step.status()))
                .filter(step -> !incomplete(step.dependsOn(), byName).isEmpty())
                .findFirst();
        if (waiting.isPresent()) {
            return waitingForDependencies(run, waiting.get(), byName);
        }
        Optional<StepState> join = run.steps().stream()
                .filter(step -> STATUS_PENDING.equals(step.status()) && !step.dependsOn().isEmpty())
                .filter(step -> incomplete(step.dependsOn(), byName).isEmpty())
                .findFirst();
        if (join.isPresent()) {
            return explanation(run, Reason.STEP_SCHEDULED, join.get().step(),
                    Map.of("satisfied_dependencies", join.get().dependsOn()), WAIT_FOR_STEP_OR_CANCEL,
                    ExplanationEvidence.of(run).steps(run.steps()));
        }
        Current current = Current.of(run);
        if (current.row() != null && STATUS_RUNNING.equals(current.row().status())) {
            return stepRunning(run, current, supervision);
        }
        String reason = run.status() == RunStatus.PENDING ? Reason.PENDING_DISPATCH : Reason.STEP_SCHEDULED;
        Map<String, Object> details = new LinkedHashMap<>();
        supervision.describeWatchdog(details);
        return explanation(run, reason, run.currentStep(), details, WAIT_FOR_STEP_OR_CANCEL,
                ExplanationEvidence.of(run));
    }

    private static RunExplanation waitingForDependencies(Run run, StepState waiting, Map<String, StepState> byName) {
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (String dependency : waiting.dependsOn()) {
            StepState state = byName.get(dependency);
            statuses.put(dependency, state == null ? NO_ROW : state.status());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("waiting_on", incomplete(waiting.dependsOn(), byName));
        details.put("dependency_statuses", Collections.unmodifiableMap(statuses));
        return explanation(run, Reason.WAITING_FOR_DEPENDENCIES, waiting.step(), details,
                List.of(Action.WAIT_FOR_DEPENDENCIES, Action.CANCEL_RUN),
                ExplanationEvidence.of(run).steps(run.steps()));
    }

    private static RunExplanation stepRunning(Run run, Current current, Supervision supervision) {
        Map<String, Object> details = new LinkedHashMap<>();
        // A second delivery of a running step is skipped while its lease is live (SPEC §6.13, leases instead of
        // the stale-step timeout); a lapsed lease is taken over by the next delivery or the watchdog.
        details.put("duplicate_delivery_policy", SKIP_WHILE_RUNNING);
        if (supervision.lease() != null) {
            Map<String, Object> lease = new LinkedHashMap<>();
            lease.put("node", supervision.lease().node());
            lease.put("until", supervision.lease().until() == null ? null : supervision.lease().until().toString());
            lease.put("live", supervision.lease().live());
            details.put("lease", Collections.unmodifiableMap(lease));
        }
        return explanation(run, Reason.STEP_RUNNING, run.currentStep(), details, WAIT_FOR_STEP_OR_CANCEL,
                ExplanationEvidence.of(run).step(current.row(), current.attempt()));
    }

    /** The dependencies not yet completed; a dependency missing from the view counts as not completed. */
    private static List<String> incomplete(List<String> dependencies, Map<String, StepState> byName) {
        List<String> incomplete = new ArrayList<>();
        for (String dependency : dependencies) {
            StepState state = byName.get(dependency);
            if (state == null || !STATUS_COMPLETED.equals(state.status())) {
                incomplete.add(dependency);
            }
        }
        return Collections.unmodifiableList(incomplete);
    }

    private static Map<String, StepState> byName(List<StepState> steps) {
        Map<String, StepState> byName = new LinkedHashMap<>();
        for (StepState step : steps) {
            byName.putIfAbsent(step.step(), step);
        }
        return byName;
    }

    // ---- shared ------------------------------------------------------------------------------------------

    /** Base evidence, flagged when the workflow cannot be loaded (the terminal and failed paths). */
    private static ExplanationEvidence evidence(Run run, Optional<Workflow> workflow) {
        ExplanationEvidence evidence = ExplanationEvidence.of(run);
        return workflow.isPresent() ? evidence : evidence.workflowUnavailable();
    }

    private static void putPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static RunExplanation explanation(Run run, String reason, String step, Map<String, Object> details,
                                              List<String> nextActions, ExplanationEvidence evidence) {
        return new RunExplanation(run.status(), reason, step, Collections.unmodifiableMap(details),
                List.copyOf(nextActions), evidence.toMap());
    }

    /** The current step's row and its highest-numbered attempt, either null when there is none. */
    private record Current(StepRun row, StepAttempt attempt) {

        static Current of(Run run) {
            if (run.currentStep() == null) {
                return new Current(null, null);
            }
            StepRun row = run.stepRuns().stream()
                    .filter(candidate -> run.currentStep().equals(candidate.step()))
                    .findFirst()
                    .orElse(null);
            StepAttempt latest = row == null || row.attempts() == null ? null : row.attempts().stream()
                    .max(Comparator.comparingInt(StepAttempt::attemptNumber))
                    .orElse(null);
            return new Current(row, latest);
        }
    }

    /**
     * What an ended run (completed, cancelled or failed) can still do: be replayed, when its workflow loads and
     * no completed step requires review (SPEC §6.11). Without the workflow a replay would fail, so none is
     * offered and the details say why.
     */
    private record Replay(Map<String, Object> details, List<String> nextActions) {

        static Replay of(Run run, Optional<Workflow> workflow) {
            if (workflow.isEmpty()) {
                return new Replay(Map.of("workflow_definition", UNAVAILABLE), List.of());
            }
            List<Map<String, Object>> blocking = ReplaySafety.blockingSteps(run.stepRuns());
            return new Replay(Map.of("replay", ReplaySafety.details(blocking)),
                    blocking.isEmpty() ? List.of(Action.REPLAY_RUN) : List.of());
        }
    }
}
