package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.StepStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the watchdog does with a run whose expected progress is overdue, or whose executing work lost its lease
 * (DESIGN G3, "nothing strands"). Pure: the shell ({@link WatchdogWork}) reads the run under its lock, judges each
 * lease with {@link ClaimLiveness}, and carries the decision out. Re-queued work is delivered like any other and
 * fenced like any other, so re-queuing something that was merely late costs one skipped delivery.
 * <ul>
 *   <li>paused, completed, cancelled: nothing is expected of the run;</li>
 *   <li>failed: its saga compensation again when callbacks are owed and no live delivery runs them;</li>
 *   <li>cancelling: settled as cancelled when nothing executes under a live lease (a live attempt settles it
 *       when it records its outcome);</li>
 *   <li>transition mode: the current step, unless it executes under a live lease;</li>
 *   <li>dependency mode: every scheduled, retrying or no longer executing step.</li>
 * </ul>
 */
public final class WatchdogDecision {

    /**
     * A step row of the run: its status, the verdict on its latest attempt's lease when that attempt runs, and
     * whether it waits for something outside the run (an external event whose timeout, if any, has not passed, or
     * a child run's end): such a step is not late, and nothing is queued for it until that comes.
     */
    public record StepSnapshot(String step, StepStatus status, ClaimLiveness.Verdict attempt, boolean waitingOutside) {

        /** A step that does not wait for anything outside the run. */
        public StepSnapshot(String step, StepStatus status, ClaimLiveness.Verdict attempt) {
            this(step, status, attempt, false);
        }

        boolean executesLive() {
            return status == StepStatus.RUNNING && attempt == ClaimLiveness.Verdict.LIVE;
        }

        /** Executing under a live lease, or waiting outside the run in time: either way, nobody has to re-queue it. */
        boolean inHand() {
            return executesLive() || status == StepStatus.RUNNING && waitingOutside;
        }
    }

    /** The run as the watchdog sees it under its lock. */
    public record RunSnapshot(RunStatus status, boolean dependencyMode, String currentStep, List<StepSnapshot> steps,
                              boolean compensationOwed, ClaimLiveness.Verdict compensation) {
        public RunSnapshot {
            Objects.requireNonNull(status, "status");
            steps = List.copyOf(steps);
        }

        StepSnapshot step(String name) {
            return steps.stream().filter(s -> s.step().equals(name)).findFirst().orElse(null);
        }
    }

    /** The decision. */
    public sealed interface Action {
        /** Nothing to re-queue: executing work is watched through its lease, or nothing is expected. */
        record Nothing() implements Action {
        }

        /** A cancelling run with nothing executing: settle it as cancelled. */
        record Settle() implements Action {
        }

        /** Queue these steps again (and the compensation, when {@code compensation}). */
        record Requeue(List<String> steps, boolean compensation) implements Action {
            public Requeue {
                steps = List.copyOf(steps);
            }
        }
    }

    private WatchdogDecision() {
    }

    public static Action decide(RunSnapshot run) {
        return switch (run.status()) {
            case PAUSED, COMPLETED, CANCELLED -> new Action.Nothing();
            case FAILED -> run.compensationOwed() && run.compensation() != ClaimLiveness.Verdict.LIVE
                    ? new Action.Requeue(List.of(), true) : new Action.Nothing();
            case CANCELLING -> run.steps().stream().anyMatch(StepSnapshot::executesLive)
                    ? new Action.Nothing() : new Action.Settle();
            case PENDING, RUNNING, RETRYING -> run.dependencyMode() ? dependencies(run) : transition(run);
        };
    }

    private static Action transition(RunSnapshot run) {
        if (run.currentStep() == null) {
            return new Action.Nothing();
        }
        StepSnapshot current = run.step(run.currentStep());
        return current != null && current.inHand()
                ? new Action.Nothing() : new Action.Requeue(List.of(run.currentStep()), false);
    }

    private static Action dependencies(RunSnapshot run) {
        List<String> steps = new ArrayList<>();
        for (StepSnapshot step : run.steps()) {
            boolean waiting = step.status() == StepStatus.PENDING || step.status() == StepStatus.FAILED;
            boolean abandoned = step.status() == StepStatus.RUNNING && !step.inHand();
            if (waiting || abandoned) {
                steps.add(step.step());
            }
        }
        return steps.isEmpty() ? new Action.Nothing() : new Action.Requeue(steps, false);
    }
}
