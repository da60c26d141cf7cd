package io.squidmesh.runtime.internal.delivery;

import java.time.Duration;

/**
 * How far one delivery may carry a run in its own thread (issue 21): a step whose successor is ready at once (same
 * run, no delay) is followed by that successor in the same thread, each step still checkpointed in its own
 * transaction, until {@code maxSteps} steps have run or {@code maxTime} has passed since the delivery began; then
 * the run goes back through the queue, so a long run cannot keep a consumer from the others.
 *
 * @param maxSteps steps one delivery may run, the delivered one included (1: every step goes through the queue)
 * @param maxTime  how long a delivery may keep continuing
 */
public record ContinuationBudget(int maxSteps, Duration maxTime) {

    public ContinuationBudget {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("a delivery runs at least its own step: " + maxSteps);
        }
        if (maxTime == null || maxTime.isNegative()) {
            throw new IllegalArgumentException("maxTime must be zero or positive: " + maxTime);
        }
    }

    /**
     * Whether the step about to be applied may hand its successor to this thread.
     *
     * @param stepsRun steps this delivery has run so far, the one being applied included
     * @param elapsed  time since the delivery began
     */
    public boolean allowsAnother(int stepsRun, Duration elapsed) {
        return stepsRun < maxSteps && elapsed.compareTo(maxTime) < 0;
    }

    public String describe() {
        return maxSteps == 1 ? "every step through the queue"
                : "up to " + maxSteps + " steps or " + maxTime.toMillis() + " ms of a run per delivery";
    }
}
