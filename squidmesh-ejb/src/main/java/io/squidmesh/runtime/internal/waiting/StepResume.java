package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.query.PausedResume;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a step that is neither running code nor finished waits on, as its row keeps it in {@code resume} (SPEC §4b):
 * an operator (a pause or an approval, with the targets fixed when it paused, so that a redeploy does not change
 * what happens to runs already waiting), a batch job, an external event or a child run. {@link #read} is the one
 * reader of that JSON and {@link #json()} the one writer; the stored shapes are the original's.
 * <p>
 * Stored values are read as they are: a row written by another version, or edited by hand, may hold a malformed
 * value, and the code that acts on it says so (for example {@code invalid_resume_metadata}); reading never throws.
 * The explainer reads the stored map itself on purpose ({@link PausedResume}): it reports the shape it finds.
 */
public sealed interface StepResume {

    String KIND = "kind";

    /** The stored JSON. */
    Map<String, Object> json();

    /**
     * An approval step waits for a decision: the targets of approve and reject, and the output key of the decision.
     * Values as stored (strings when this engine wrote them).
     */
    record Approval(Object okTarget, Object errorTarget, Object outputKey) implements StepResume {
        static final String NAME = "approval";

        @Override
        public Map<String, Object> json() {
            return ordered(KIND, NAME, "ok_target", okTarget, "error_target", errorTarget, "output_key", outputKey);
        }
    }

    /** A pause step waits for an unblock: where the run goes on, and the output the step completes with. */
    record Pause(Object target, Object output) implements StepResume {
        @Override
        public Map<String, Object> json() {
            return ordered("output", output, "target", target);
        }
    }

    /** A batch step's job was launched in this node's JVM: which job and execution, and whose JVM it runs in. */
    record Batch(Object job, Object executionId, Object nodeId, Object node) implements StepResume {
        static final String NAME = "batch";

        @Override
        public Map<String, Object> json() {
            return ordered(KIND, NAME, "job", job, BatchSteps.EXECUTION_ID, executionId, BatchSteps.NODE_ID, nodeId,
                    BatchSteps.NODE, node);
        }
    }

    /** An {@code await_event} step waits for an event, since when, and until when (null: no timeout). */
    record EventWait(Object event, Object waitingSince, Object timeoutAt) implements StepResume {
        static final String NAME = "event";

        /** The event's name, or null when the row holds none that can be matched. */
        String eventName() {
            return event instanceof String name ? name : null;
        }

        /** Whether the timeout, if any, has not passed at {@code now}; an unreadable timeout counts as none. */
        boolean inTime(Instant now) {
            if (!(timeoutAt instanceof String at)) {
                return true;
            }
            try {
                return now.isBefore(Instant.parse(at));
            } catch (DateTimeParseException e) {
                return true;
            }
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> json = ordered(KIND, NAME, "event", event, "waiting_since", waitingSince);
            if (timeoutAt != null) {
                json.put("timeout_at", timeoutAt);
            }
            return json;
        }
    }

    /** A {@code child_run} step waits for its child run's end. */
    record ChildWait(Object childRunId, Object workflow) implements StepResume {
        static final String NAME = "child";

        /**
         * The child's id, or null when the row names none. A text that is no UUID throws: the step must not start a
         * second child because the row of the first is unreadable.
         */
        UUID child() {
            return childRunId instanceof String id ? UUID.fromString(id) : null;
        }

        @Override
        public Map<String, Object> json() {
            return ordered(KIND, NAME, ChildRuns.CHILD_RUN_ID, childRunId, "workflow", workflow);
        }
    }

    /** A {@code resume} of no shape this engine writes. */
    record Unknown(Map<String, Object> json) implements StepResume {
    }

    /**
     * @param stored the row's {@code resume}, or null
     * @return what it says, or null when there is none
     */
    static StepResume read(Map<String, Object> stored) {
        if (stored == null) {
            return null;
        }
        Object kind = stored.get(KIND);
        if (Approval.NAME.equals(kind)) {
            return new Approval(stored.get("ok_target"), stored.get("error_target"), stored.get("output_key"));
        }
        if (Batch.NAME.equals(kind)) {
            return new Batch(stored.get("job"), stored.get(BatchSteps.EXECUTION_ID), stored.get(BatchSteps.NODE_ID),
                    stored.get(BatchSteps.NODE));
        }
        if (EventWait.NAME.equals(kind)) {
            return new EventWait(stored.get("event"), stored.get("waiting_since"), stored.get("timeout_at"));
        }
        if (ChildWait.NAME.equals(kind)) {
            return new ChildWait(stored.get(ChildRuns.CHILD_RUN_ID), stored.get("workflow"));
        }
        if (stored.containsKey("target")) {
            return new Pause(stored.get("target"), stored.get("output"));
        }
        return new Unknown(Collections.unmodifiableMap(new LinkedHashMap<>(stored)));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        return RuntimeError.ordered(keysAndValues);
    }
}
