package io.squidmesh.web.json;

import io.squidmesh.AuditEvent;
import io.squidmesh.BulkJob;
import io.squidmesh.Run;
import io.squidmesh.RunEvent;
import io.squidmesh.RunExplanation;
import io.squidmesh.RunPage;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The read model as JSON (SPEC §7, §8): snake_case names, ISO-8601 UTC timestamps, ids as strings. Built
 * field by field rather than by reflection so that renaming a record component cannot change the API.
 * {@code steps}, {@code step_runs}, {@code audit_events}, {@code events} and {@code children} appear only when the run was read with history.
 */
public final class RunJson {

    private RunJson() {
    }

    public static Map<String, Object> page(RunPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", list(page.runs(), RunJson::run));
        json.put("next", page.next());
        return json;
    }

    public static Map<String, Object> run(Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", string(run.id()));
        json.put("workflow", run.workflow());
        json.put("version", run.version());
        json.put("trigger", run.trigger());
        json.put("status", run.status().value());
        json.put("payload", run.payload());
        json.put("context", run.context());
        json.put("current_step", run.currentStep());
        json.put("last_error", run.lastError());
        json.put("replayed_from_run_id", string(run.replayedFromRunId()));
        json.put("key", run.key());
        json.put("priority", run.priority());
        json.put("parent_run_id", string(run.parentRunId()));
        json.put("parent_step", run.parentStep());
        json.put("inserted_at", timestamp(run.insertedAt()));
        json.put("updated_at", timestamp(run.updatedAt()));
        if (run.steps() != null) {
            json.put("steps", list(run.steps(), RunJson::stepState));
        }
        if (run.stepRuns() != null) {
            json.put("step_runs", list(run.stepRuns(), RunJson::stepRun));
        }
        if (run.auditEvents() != null) {
            json.put("audit_events", list(run.auditEvents(), RunJson::auditEvent));
        }
        if (run.events() != null) {
            json.put("events", list(run.events(), RunJson::event));
        }
        if (run.children() != null) {
            json.put("children", list(run.children(), RunJson::child));
        }
        return json;
    }

    /** A run a child_run step of this run started: enough to follow the link. */
    public static Map<String, Object> child(Run child) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", string(child.id()));
        json.put("workflow", child.workflow());
        json.put("status", child.status().value());
        json.put("parent_step", child.parentStep());
        json.put("inserted_at", timestamp(child.insertedAt()));
        return json;
    }

    /** An external event sent to a run: {@code consumed_by} and {@code consumed_at} stay null while it waits. */
    public static Map<String, Object> event(RunEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", string(event.id()));
        json.put("run_id", string(event.runId()));
        json.put("event", event.event());
        json.put("payload", event.payload());
        json.put("idempotency_key", event.idempotencyKey());
        json.put("received_at", timestamp(event.receivedAt()));
        json.put("consumed_by", event.consumedBy());
        json.put("consumed_at", timestamp(event.consumedAt()));
        return json;
    }

    /** SPEC §9's shape; the explainer already made its details and evidence JSON-ready. */
    public static Map<String, Object> explanation(RunExplanation explanation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", explanation.status().value());
        json.put("reason", explanation.reason());
        json.put("step", explanation.step());
        json.put("details", explanation.details());
        json.put("next_actions", explanation.nextActions());
        json.put("evidence", explanation.evidence());
        return json;
    }

    public static Map<String, Object> bulkJob(BulkJob job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("execution_id", job.executionId());
        json.put("job", job.job());
        json.put("batch_status", job.batchStatus());
        json.put("exit_status", job.exitStatus());
        json.put("counts", job.counts());
        json.put("started_at", timestamp(job.startedAt()));
        json.put("ended_at", timestamp(job.endedAt()));
        return json;
    }

    public static Map<String, Object> stepState(StepState step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", step.step());
        json.put("status", step.status());
        json.put("depends_on", step.dependsOn());
        json.put("input", step.input());
        json.put("output", step.output());
        json.put("last_error", step.lastError());
        json.put("recovery", step.recovery());
        json.put("attempts", list(step.attempts(), RunJson::attempt));
        json.put("inserted_at", timestamp(step.insertedAt()));
        json.put("updated_at", timestamp(step.updatedAt()));
        return json;
    }

    public static Map<String, Object> stepRun(StepRun row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", string(row.id()));
        json.put("step", row.step());
        json.put("status", row.status());
        json.put("input", row.input());
        json.put("output", row.output());
        json.put("last_error", row.lastError());
        json.put("recovery", row.recovery());
        json.put("attempts", list(row.attempts(), RunJson::attempt));
        json.put("inserted_at", timestamp(row.insertedAt()));
        json.put("updated_at", timestamp(row.updatedAt()));
        return json;
    }

    public static Map<String, Object> attempt(StepAttempt attempt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", string(attempt.id()));
        json.put("attempt_number", attempt.attemptNumber());
        json.put("status", attempt.status());
        json.put("error", attempt.error());
        json.put("inserted_at", timestamp(attempt.insertedAt()));
        json.put("updated_at", timestamp(attempt.updatedAt()));
        return json;
    }

    public static Map<String, Object> auditEvent(AuditEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", event.type());
        json.put("step", event.step());
        json.put("actor", event.actor());
        json.put("comment", event.comment());
        json.put("metadata", event.metadata());
        json.put("at", timestamp(event.at()));
        return json;
    }

    /** ISO-8601 in UTC, e.g. {@code 2025-11-26T19:15:02.123456Z}. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private static <T> List<Map<String, Object>> list(List<T> values, Function<T, Map<String, Object>> view) {
        return values == null ? List.of() : values.stream().map(view).toList();
    }
}
