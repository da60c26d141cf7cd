package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.RunStatus;
import io.squidmesh.runtime.DeliveryDeferredException;
import io.squidmesh.runtime.internal.definition.DefinitionVerdict;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a step delivery may go on to its step's row (SPEC §6.5 B): the checks on the run, in the order they apply,
 * as a decision over what the run row and the deployed definitions say. A cancelling run is cancelled; a run that
 * schedules nothing more (paused, ended) is left alone; a workflow this node does not deploy defers the delivery and a
 * changed definition holds the run; an overrun deadline is acted on; an undeclared step defers; a step the run has
 * moved past (transition mode) makes the delivery stale. {@code StepPreparation} carries out what it says.
 */
public sealed interface DeliveryGate {

    /** The run is being cancelled: this delivery finishes the cancellation. */
    record CancelRun() implements DeliveryGate {
    }

    /** The run schedules no step in this status: nothing to do. */
    record RunSettled(RunStatus status) implements DeliveryGate {
    }

    /** This node cannot judge the delivery now (a rolling deploy may be under way): the executor delivers it later. */
    record Defer(DeliveryDeferredException.Reason reason, Workflow workflow) implements DeliveryGate {
    }

    /** The run's pinned definition is gone or changed: the run is held for an operator. */
    record HoldRun(DefinitionVerdict.Hold hold) implements DeliveryGate {
    }

    /** The run overran its deadline: the deadline's consequence applies instead of the step. */
    record ExpireRun(Workflow workflow) implements DeliveryGate {
    }

    /** An older delivery: the run has moved on from this step. */
    record Stale() implements DeliveryGate {
    }

    /** The delivery goes on to the step's row. */
    record Open(Workflow workflow, StepSpec step) implements DeliveryGate {
    }

    /**
     * @param status      the locked run's status
     * @param definition  the definition verdict for the run, asked for only once the status lets the delivery go on
     *                    (judging may pin a run from before versions)
     * @param overran     whether the run's deadline has passed
     * @param step        the step the delivery names
     * @param currentStep the step the run is at (transition mode)
     */
    static DeliveryGate judge(RunStatus status, Supplier<DefinitionVerdict> definition, boolean overran, String step,
                              String currentStep) {
        if (status == RunStatus.CANCELLING) {
            return new CancelRun();
        }
        if (!status.schedulesNextStep()) {
            return new RunSettled(status);
        }
        DefinitionVerdict verdict = definition.get();
        if (verdict instanceof DefinitionVerdict.Absent) {
            return new Defer(DeliveryDeferredException.Reason.UNKNOWN_WORKFLOW, null);
        }
        if (verdict instanceof DefinitionVerdict.Hold hold) {
            return new HoldRun(hold);
        }
        Workflow workflow = verdict instanceof DefinitionVerdict.Adopt adopt ? adopt.workflow()
                : ((DefinitionVerdict.Use) verdict).workflow();
        if (overran) {
            return new ExpireRun(workflow);
        }
        Optional<StepSpec> declared = workflow.step(step);
        if (declared.isEmpty()) {
            return new Defer(DeliveryDeferredException.Reason.UNKNOWN_STEP, workflow);
        }
        if (!workflow.isDependencyMode() && !step.equals(currentStep)) {
            return new Stale();
        }
        return new Open(workflow, declared.get());
    }
}
