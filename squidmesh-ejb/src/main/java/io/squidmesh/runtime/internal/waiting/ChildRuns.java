package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.InvalidPayloadException;
import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunStarter;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.delivery.Claim;
import io.squidmesh.runtime.internal.delivery.InlineSteps;
import io.squidmesh.runtime.internal.delivery.Prepared;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deliveries of {@code child_run} steps, decided whole inside the claiming transaction under the parent's lock
 * ({@link InlineSteps}):
 * <ul>
 *   <li>no child for this attempt yet: the child run is started through its workflow's default trigger with the
 *       step's input as payload, in this transaction, and the step row's {@code resume} names it; a repeated
 *       delivery finds it there, so one attempt starts one child. A detached child completes the step at once with
 *       {@code {"child_run_id"}};</li>
 *   <li>a child that completed: its context is the step's output; one that failed or was cancelled fails the
 *       step ({@code child_failed}, {@code child_cancelled}; retryable, so the retry policy, with a new child per
 *       attempt, and the error route apply);</li>
 *   <li>a child still under way: nothing changes. The child's end queues a delivery of this step
 *       ({@link RunTransitions}), in the transaction that ends it.</li>
 * </ul>
 */
@ApplicationScoped
@InCallersTransaction
public class ChildRuns {

    /** {@code resume.kind} of a step waiting for its child run. */
    public static final String CHILD_RUN_ID = "child_run_id";

    @Inject
    InlineSteps inline;

    @Inject
    WorkflowRegistry registry;

    @Inject
    RunStarter starter;

    @Inject
    RunStore runs;

    /** Whether the step row waits for its child run's end. */
    public static boolean waits(StepRunEntity row) {
        return waitingFor(row) != null;
    }

    private static StepResume.ChildWait waitingFor(StepRunEntity row) {
        return row != null && row.isRunning() && StepResume.read(row.getResume()) instanceof StepResume.ChildWait wait
                ? wait : null;
    }

    /** The child a waiting step row waits for, or null. */
    public static UUID awaited(StepRunEntity row) {
        StepResume.ChildWait wait = waitingFor(row);
        return wait == null ? null : wait.child();
    }

    /**
     * A delivery of a {@code child_run} step whose row is not completed; the parent is locked and may schedule it.
     *
     * @return what the delivery did, e.g. {@code child_started}, {@code waiting_for_child}, {@code child_completed}
     */
    public Prepared.Done deliver(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity existing,
                          Map<String, Object> state, String deliveryId, Instant now) {
        Claim claim = inline.claim(run, workflow, step, existing, state, deliveryId, now);
        UUID childId = awaited(inline.row(claim));
        if (childId == null) {
            return start(run, workflow, step, claim, now);
        }
        RunEntity child = runs.find(childId);
        if (child == null) {
            inline.fail(run, claim, StepError.of(childError("child run " + childId + " no longer exists (purged)",
                    "child_missing", childId, null)), now);
            return new Prepared.Done("child_missing");
        }
        return switch (child.getStatus()) {
            case COMPLETED -> {
                inline.complete(run, claim, child.getContext(), now);
                yield new Prepared.Done("child_completed");
            }
            case FAILED, CANCELLED -> {
                boolean failed = child.getStatus() == RunStatus.FAILED;
                inline.fail(run, claim, StepError.of(childError("child run " + childId + " of workflow "
                        + child.getWorkflow() + (failed ? " failed" : " was cancelled"),
                        failed ? "child_failed" : "child_cancelled", childId, child.getLastError())), now);
                yield new Prepared.Done(failed ? "child_failed" : "child_cancelled");
            }
            default -> new Prepared.Done("waiting_for_child");
        };
    }

    private Prepared.Done start(RunEntity run, Workflow workflow, StepSpec step, Claim claim, Instant now) {
        Optional<Workflow> childWorkflow = registry.find(step.childWorkflow());
        if (childWorkflow.isEmpty()) {
            Map<String, Object> error = childError("workflow " + step.childWorkflow()
                    + " of the child run is not deployed", "child_workflow_not_deployed", null, null);
            error.put("workflow", step.childWorkflow());
            inline.fail(run, claim, StepError.of(error), now);
            return new Prepared.Done("child_not_started");
        }
        Run child;
        try {
            child = starter.startChild(childWorkflow.get(), claim.input(), run, step.name());
        } catch (InvalidPayloadException e) {
            // the step's input does not fit the child's trigger: the same input fails the same way every time
            Map<String, Object> error = childError("the child run of workflow " + step.childWorkflow()
                    + " cannot start: " + e.getMessage(), "child_payload_invalid", null, null);
            error.put("errors", e.details().get("errors"));
            inline.fail(run, claim, StepError.terminal(error), now);
            return new Prepared.Done("child_not_started");
        }
        if (!step.waitsForChild()) {
            inline.complete(run, claim, Map.of(CHILD_RUN_ID, child.id().toString()), now);
            return new Prepared.Done("child_started");
        }
        inline.waitFor(run, workflow, claim, new StepResume.ChildWait(child.id().toString(), child.workflow()), now);
        return new Prepared.Done("waiting_for_child");
    }

    private static Map<String, Object> childError(String message, String reason, UUID childId,
                                                  Map<String, Object> childError) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("reason", reason);
        if (childId != null) {
            error.put(CHILD_RUN_ID, childId.toString());
        }
        if (childError != null) {
            error.put("child_error", childError);
        }
        return error;
    }
}
