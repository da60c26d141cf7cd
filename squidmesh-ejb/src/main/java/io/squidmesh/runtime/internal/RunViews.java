package io.squidmesh.runtime.internal;

import io.squidmesh.InvalidRunIdException;
import io.squidmesh.Run;
import io.squidmesh.RunEvent;
import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunEventEntity;

import java.util.UUID;

/** Conversions between stored runs and the public {@link Run} shape. */
public final class RunViews {

    private RunViews() {
    }

    /** The run without history. */
    public static Run run(RunEntity entity) {
        return new Run(entity.getId(), entity.getWorkflow(), entity.getWorkflowVersion(), entity.getTrigger(), entity.getStatus(),
                entity.getInput(), entity.getContext(), entity.getCurrentStep(), entity.getLastError(),
                entity.getReplayedFromRunId(), entity.getRunKey(), entity.getPriority(), entity.getParentRunId(), entity.getParentStep(),
                entity.getInsertedAt(), entity.getUpdatedAt(), null, null, null, null, null);
    }

    /** An event of a run's mailbox as the public API shows it. */
    public static RunEvent event(RunEventEntity entity) {
        return new RunEvent(entity.getId(), entity.getRunId(), entity.getEvent(), entity.getPayload(),
                entity.getIdempotencyKey(), entity.getReceivedAt(), entity.getConsumedBy(), entity.getConsumedAt());
    }

    /** Parses a run id, failing with {@code invalid_run_id} for anything that is not a UUID. */
    public static UUID runId(String runId) {
        if (runId == null) {
            throw new InvalidRunIdException(null);
        }
        try {
            UUID id = UUID.fromString(runId);
            if (!id.toString().equalsIgnoreCase(runId.strip())) {
                throw new InvalidRunIdException(runId);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidRunIdException(runId);
        }
    }
}
