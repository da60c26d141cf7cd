package io.squidmesh.runtime.internal.query;

import io.squidmesh.Run;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.runtime.internal.RunState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code evidence} of a {@link io.squidmesh.RunExplanation} (SPEC §9): the persisted rows a decision was
 * made from, copied as JSON-ready values (ids and timestamps as strings) so a host can render or ship them
 * without knowing the engine's types.
 */
final class ExplanationEvidence {

    private final Map<String, Object> evidence = new LinkedHashMap<>();

    private ExplanationEvidence(Run run) {
        evidence.put("run", run(run));
    }

    /** Base evidence: the run row, always present. */
    static ExplanationEvidence of(Run run) {
        return new ExplanationEvidence(run);
    }

    /** Says the workflow could not be loaded, so the explanation was decided from the rows alone. */
    ExplanationEvidence workflowUnavailable() {
        evidence.put("workflow_definition", Map.of("available?", false));
        return this;
    }

    /** Step evidence: the current step's row and its latest attempt, each left out when there is none. */
    ExplanationEvidence step(StepRun row, StepAttempt attempt) {
        if (row != null) {
            evidence.put("step_run", stepRun(row, null));
        }
        if (attempt != null) {
            evidence.put("attempt", attempt(attempt));
        }
        return this;
    }

    /** Step evidence of a paused step, whose row also shows the resume metadata it was judged by. */
    ExplanationEvidence pausedStep(StepRun row, StepAttempt attempt, Map<String, Object> resume) {
        evidence.put("step_run", stepRun(row, resume));
        if (attempt != null) {
            evidence.put("attempt", attempt(attempt));
        }
        return this;
    }

    /** Steps evidence: the declared-graph view, which is what dependency decisions read. */
    ExplanationEvidence steps(List<StepState> steps) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (StepState step : steps) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step.step());
            entry.put("status", step.status());
            entry.put("depends_on", step.dependsOn());
            entry.put("last_error", step.lastError());
            entries.add(Collections.unmodifiableMap(entry));
        }
        evidence.put("steps", Collections.unmodifiableList(entries));
        return this;
    }

    Map<String, Object> toMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    private static Map<String, Object> run(Run run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", string(run.id()));
        map.put("status", run.status().value());
        map.put("workflow", run.workflow());
        map.put("current_step", run.currentStep());
        map.put("last_error", run.lastError());
        map.put("inserted_at", string(run.insertedAt()));
        map.put("updated_at", string(run.updatedAt()));
        Object schedule = run.context() == null ? null : run.context().get(RunState.SCHEDULE);
        if (schedule != null) {
            // Cron runs carry their intended window here; it is the first thing asked about a scheduled run.
            map.put("schedule", schedule);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Object> stepRun(StepRun row, Map<String, Object> resume) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (row != null) {
            map.put("id", string(row.id()));
            map.put("step", row.step());
            map.put("status", row.status());
            map.put("last_error", row.lastError());
            map.put("inserted_at", string(row.insertedAt()));
            map.put("updated_at", string(row.updatedAt()));
        }
        if (resume != null) {
            map.put("resume", resume);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Object> attempt(StepAttempt attempt) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", string(attempt.id()));
        map.put("attempt_number", attempt.attemptNumber());
        map.put("status", attempt.status());
        map.put("error", attempt.error());
        map.put("inserted_at", string(attempt.insertedAt()));
        map.put("updated_at", string(attempt.updatedAt()));
        return Collections.unmodifiableMap(map);
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
