package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.runtime.internal.RunState;
import io.squidmesh.workflow.Outcome;
import io.squidmesh.workflow.StepKind;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.TransitionSpec;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.Workflows;

import java.util.Map;

/** Resume metadata of pause and approval steps (SPEC §4b {@code resume}, §6.8). */
public final class ManualSteps {

    private ManualSteps() {
    }

    /**
     * What a paused step resumes to, persisted when it pauses so that a redeploy changing the workflow does
     * not change what happens to runs already waiting.
     */
    public static StepResume resumeMetadata(Workflow workflow, StepSpec step) {
        return step.kind() == StepKind.APPROVAL
                ? new StepResume.Approval(target(workflow, step, Outcome.OK), target(workflow, step, Outcome.ERROR),
                        step.output())
                : new StepResume.Pause(target(workflow, step, Outcome.OK), RunState.mapOutput(Map.of(), step.output()));
    }

    private static String target(Workflow workflow, StepSpec step, Outcome outcome) {
        return workflow.transition(step.name(), outcome).map(TransitionSpec::to).orElse(Workflows.COMPLETE);
    }
}
