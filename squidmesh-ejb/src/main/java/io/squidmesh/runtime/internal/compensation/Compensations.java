package io.squidmesh.runtime.internal.compensation;

import io.squidmesh.persistence.AttemptStatus;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which completed steps of a failed run still owe their saga compensation (SPEC §6.12), newest completion
 * first. A compensation is owed while the step's {@code recovery.compensation.status} is not
 * {@code completed}; failed and interrupted ones are owed again, so a redelivery finishes the job.
 */
@ApplicationScoped
@InCallersTransaction
public class Compensations {

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    public boolean available(RunEntity run, Workflow workflow) {
        return !owed(run.getId(), workflow).isEmpty();
    }

    /** Completed step rows with a compensation callback not yet completed, in reverse completion order. */
    public List<StepRunEntity> owed(UUID runId, Workflow workflow) {
        List<StepRunEntity> rows = new ArrayList<>();
        for (StepRunEntity row : stepRuns.forRun(runId)) {
            boolean hasCallback = workflow.step(row.getStep()).map(StepSpec::compensate).isPresent();
            if (row.getStatus() == StepStatus.COMPLETED && hasCallback && StepCompensation.status(row).orElse(null) != StepCompensation.Status.COMPLETED) {
                rows.add(row);
            }
        }
        Map<UUID, Instant> completedAt = new HashMap<>();
        for (StepAttemptEntity attempt : attempts.forStepRuns(rows.stream().map(StepRunEntity::getId).toList())) {
            if (attempt.getStatus() == AttemptStatus.COMPLETED) {
                completedAt.merge(attempt.getStepRunId(), attempt.getUpdatedAt(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        rows.sort(Comparator.comparing((StepRunEntity r) -> completedAt.getOrDefault(r.getId(), r.getUpdatedAt()))
                .thenComparing(StepRunEntity::getInsertedAt)
                .thenComparing(StepRunEntity::getId)
                .reversed());
        return rows;
    }
}
