package io.squidmesh.runtime.internal.delivery;

import org.slf4j.MDC;

/**
 * The log context of a step attempt: {@code run_id}, {@code workflow}, {@code step}, {@code attempt} in the
 * MDC while the step runs (shown by log formatters that print MDC keys), and the same fields as text for
 * the engine's own messages.
 */
public final class StepLogContext implements AutoCloseable {

    private static final String[] KEYS = {"run_id", "workflow", "step", "attempt"};

    private StepLogContext() {
    }

    static StepLogContext open(Claim claim) {
        MDC.put("run_id", claim.runId().toString());
        MDC.put("workflow", claim.workflow().name());
        MDC.put("step", claim.stepName());
        MDC.put("attempt", Integer.toString(claim.attemptNumber()));
        return new StepLogContext();
    }

    public static String describe(Claim claim) {
        return "run_id=" + claim.runId() + " workflow=" + claim.workflow().name() + " step=" + claim.stepName()
                + " attempt=" + claim.attemptNumber();
    }

    @Override
    public void close() {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }
}
