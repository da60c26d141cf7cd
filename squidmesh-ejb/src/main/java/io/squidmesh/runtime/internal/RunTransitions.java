package io.squidmesh.runtime.internal;

import io.squidmesh.InvalidTransitionException;
import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Moves a locked run between statuses under the state machine (SPEC §6.1) and records the
 * {@code run.transition} event. As in the original engine, every status change writes
 * {@code current_step}: the step given, or null. A run that ends or pauses expects no delivery any more, so
 * the watchdog leaves it alone.
 */
@ApplicationScoped
@InCallersTransaction
public class RunTransitions {

    @Inject
    Telemetry telemetry;

    @Inject
    Dispatcher dispatcher;

    public void moveTo(RunEntity run, RunStatus to, String currentStep) {
        RunStatus from = run.getStatus();
        if (!RunStateMachine.allows(from, to)) {
            throw new InvalidTransitionException(run.getId().toString(), from.value(), to.value());
        }
        run.setStatus(to);
        run.setCurrentStep(currentStep);
        run.setUpdatedAt(Clocks.now());
        if (to.isTerminal() || to == RunStatus.PAUSED) {
            run.expectNothing(); // until an operator acts, or a compensation is queued below
        }
        if (to.isTerminal() && run.getParentRunId() != null) {
            dispatcher.wakeParent(run); // the parent's child_run step looks at this run's end
        }
        telemetry.runTransition(run, from.value(), to.value());
    }

    /** Like {@link #moveTo} but a no-op when the run already has that status (a sibling may have moved it). */
    public void ensure(RunEntity run, RunStatus to, String currentStep) {
        if (run.getStatus() == to) {
            run.setCurrentStep(currentStep);
            run.setUpdatedAt(Clocks.now());
        } else {
            moveTo(run, to, currentStep);
        }
    }

    /** The run fails, with {@code lastError} (the failed step's own error, or the engine's) as its last error. */
    public void fail(RunEntity run, String currentStep, Map<String, Object> lastError) {
        run.setLastError(lastError);
        moveTo(run, RunStatus.FAILED, currentStep);
    }

    /** The run fails because the engine could not move it on. */
    public void fail(RunEntity run, String currentStep, RuntimeError error) {
        fail(run, currentStep, error.json());
    }

    /** Records a change that keeps the status (context, current step or error). */
    public void touch(RunEntity run) {
        run.setUpdatedAt(Clocks.now());
    }
}
