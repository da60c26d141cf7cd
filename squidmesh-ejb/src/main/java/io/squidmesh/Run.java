package io.squidmesh;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workflow run as the public API shows it (SPEC §7.1). {@code steps}, {@code stepRuns},
 * {@code auditEvents} and {@code events} (the external events sent to it, {@link SquidMesh#signalRun}) are
 * {@code null} unless the run was read with its history, as are {@code children} (the runs its {@code child_run}
 * steps started, without their history). {@code parentRunId} and {@code parentStep} name the run and step that
 * started this run as a child, or are {@code null}. {@code key} is the run key it
 * was started with ({@link StartOptions}), or {@code null}. {@code version} is the version of its workflow the run is
 * pinned to ({@link io.squidmesh.workflow.WorkflowBuilder#version}); {@code priority} its priority, 0 to 9
 * ({@link StartOptions#priority}).
 */
public record Run(UUID id, String workflow, String version, String trigger, RunStatus status, Map<String, Object> payload,
                  Map<String, Object> context, String currentStep, Map<String, Object> lastError,
                  UUID replayedFromRunId, String key, int priority, UUID parentRunId, String parentStep, Instant insertedAt,
                  Instant updatedAt, List<StepState> steps, List<StepRun> stepRuns, List<AuditEvent> auditEvents,
                  List<RunEvent> events, List<Run> children) {

    /**
     * This run without history collections.
     *
     * @return a copy with {@code steps}, {@code stepRuns}, {@code auditEvents}, {@code events} and {@code children} {@code null}
     */
    public Run withoutHistory() {
        return new Run(id, workflow, version, trigger, status, payload, context, currentStep, lastError, replayedFromRunId, key,
                priority, parentRunId, parentStep, insertedAt, updatedAt, null, null, null, null, null);
    }
}
