package io.squidmesh.it.workflows;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Steps that put the engine in the situations the fault tests need; each records itself in {@link Probe}. */
public final class FaultSteps {

    private FaultSteps() {
    }

    /**
     * Fails for good, but only once a sibling of its run is held at its gate ({@link TestSteps.Gate}): the sibling
     * is then certain to have started before the run fails, whatever order the two deliveries come in.
     */
    @ApplicationScoped
    public static class DeclineOnceSiblingHeld implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            Probe.record(context.runId(), context.step());
            if (!Probe.awaitHeld(context.runId(), 30)) {
                throw new IllegalStateException("the sibling never reached its gate");
            }
            return StepResult.error(Map.of("message", "card declined", "code", "card_declined"));
        }
    }

    /** Sleeps for the payload's {@code sleep_ms}: a step longer than a transaction may last. */
    @ApplicationScoped
    public static class Sleep implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            Probe.record(context.runId(), context.step());
            Thread.sleep(((Number) context.state().getOrDefault("sleep_ms", 1000)).longValue());
            return StepResult.ok(Map.of("slept", true));
        }
    }

    /** Returns an output the database cannot store, of the payload's {@code kind}: nul, date or cycle. */
    @ApplicationScoped
    public static class Unstorable implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            Probe.record(context.runId(), context.step());
            Map<String, Object> output = new LinkedHashMap<>();
            switch (String.valueOf(context.state().get("kind"))) {
                case "nul" -> output.put("body", "gateway said \u0000 here");
                case "date" -> output.put("due", LocalDate.of(2026, 12, 6));
                default -> output.put("self", output);
            }
            return StepResult.ok(output);
        }
    }

    /** A transactional ledger step that holds at the run's gate between its two rows. */
    @ApplicationScoped
    public static class HeldLedger implements Step {

        @Resource(lookup = "java:comp/DefaultDataSource")
        DataSource dataSource;

        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws SQLException, InterruptedException {
            insert(context, "reserve");
            Probe.record(context.runId(), context.step());
            Probe.hold(context.runId());
            insert(context, "capture");
            return StepResult.ok(Map.of("status", "committed"));
        }

        private void insert(StepContext context, String entry) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                LedgerTable.insert(connection, context.runId().toString(), entry, context.attempt());
            }
        }
    }

    /** A compensation callback that holds at the run's gate. */
    @ApplicationScoped
    public static class HeldUndo implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) throws InterruptedException {
            Probe.record(context.runId(), "undo:" + context.step());
            Probe.hold(context.runId());
            return StepResult.ok(Map.of("undone", context.step()));
        }
    }
}
