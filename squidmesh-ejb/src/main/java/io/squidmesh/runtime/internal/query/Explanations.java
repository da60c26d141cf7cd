package io.squidmesh.runtime.internal.query;

import io.squidmesh.Run;
import io.squidmesh.RunExplanation;
import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.recovery.ClaimLiveness;
import io.squidmesh.runtime.internal.recovery.Leases;
import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gathers what {@link RunExplainer} decides from: the run with its history, the rows' resume metadata, the lease on
 * the current step's running attempt and the watchdog's view of the run.
 */
@ApplicationScoped
public class Explanations {

    @Inject
    RunReader reader;

    @Inject
    RunStore runs;

    @Inject
    StepRunStore stepRuns;

    @Inject
    AttemptStore attempts;

    @Inject
    WorkflowRegistry registry;

    @Inject
    NodeRegistry nodes;

    @Inject
    Leases leases;

    @Inject
    io.squidmesh.persistence.SlotStore slots;

    public RunExplanation explain(UUID runId) {
        Run run = reader.read(runId, true);
        Map<String, Map<String, Object>> resumeByStep = new HashMap<>();
        RunExplainer.Supervision.Lease lease = null;
        Instant now = Clocks.now();
        for (StepRunEntity row : stepRuns.forRun(runId)) {
            if (row.getResume() != null) {
                resumeByStep.put(row.getStep(), row.getResume());
            }
            if (row.getStep().equals(run.currentStep()) && row.isRunning()) {
                lease = lease(attempts.latest(row.getId()), now);
            }
        }
        RunEntity entity = runs.find(runId);
        Instant deadline = entity.getDeadline();
        RunExplainer.Supervision supervision = new RunExplainer.Supervision(lease, entity.getWakeAt(),
                entity.getNudges(), entity.getNudgeAfter(), deadline,
                deadline == null ? null : java.time.Duration.between(now, deadline), entity.getDefinitionHold(),
                slotWait(run));
        return RunExplainer.explain(run, resumeByStep, registry.find(run.workflow(), run.version()), supervision);
    }

    private RunExplainer.Supervision.SlotWait slotWait(Run run) {
        return slots.waitsOf(run.id()).stream().findFirst().map(wait -> new RunExplainer.Supervision.SlotWait(
                wait.step(), registry.find(run.workflow(), run.version()).map(Workflow::concurrency).orElse(0),
                wait.since(), wait.wokenAt())).orElse(null);
    }

    private RunExplainer.Supervision.Lease lease(StepAttemptEntity attempt, Instant now) {
        if (attempt == null || !attempt.isRunning() || attempt.getLeaseUntil() == null) {
            return null;
        }
        UUID node = attempt.getLeaseNode();
        ClaimLiveness.Holder holder = nodes.id().equals(node) ? new ClaimLiveness.Holder(true, nodes.name())
                : nodes.holder(node);
        ClaimLiveness.Verdict verdict = nodes.judge(node, attempt.getLeaseUntil(), leases.holdsAttempt(attempt.getId()),
                now);
        return new RunExplainer.Supervision.Lease(holder.registered() ? holder.name() : String.valueOf(node),
                attempt.getLeaseUntil(), verdict == ClaimLiveness.Verdict.LIVE);
    }
}
