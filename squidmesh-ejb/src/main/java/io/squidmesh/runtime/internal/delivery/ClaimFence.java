package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.persistence.AttemptStore;
import io.squidmesh.persistence.StepAttemptEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import io.squidmesh.runtime.internal.recovery.NodeRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Whether a claim still holds when its result is applied: its attempt still runs under this node's lease. Every
 * outcome (a result, a pause, a batch job's progress) passes it before it writes, under the run's lock, so a claim
 * taken over meanwhile (its lease lapsed, the watchdog gave the step to another delivery) writes nothing.
 */
@ApplicationScoped
public class ClaimFence {

    @Inject
    AttemptStore attempts;

    @Inject
    StepRunStore stepRuns;

    @Inject
    NodeRegistry nodes;

    /** The claim's attempt and its step row while the attempt still runs under this node's lease; else empty. */
    public Optional<Held> held(Claim claim) {
        StepAttemptEntity attempt = attempts.get(claim.attemptId());
        if (attempt == null || !attempt.isRunning() || !nodes.id().equals(attempt.getLeaseNode())) {
            return Optional.empty();
        }
        StepRunEntity row = stepRuns.get(claim.stepRunId());
        return row == null ? Optional.empty() : Optional.of(new Held(attempt, row));
    }

    /** A claim that still holds: its running attempt and the step row it belongs to. */
    public record Held(StepAttemptEntity attempt, StepRunEntity row) {
    }
}
