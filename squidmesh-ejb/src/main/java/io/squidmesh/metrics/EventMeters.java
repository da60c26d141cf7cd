package io.squidmesh.metrics;

import io.squidmesh.RunStatus;
import io.squidmesh.SquidMeshEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which meters one committed engine event moves: a pure decision, unit-tested row by row. Names are Micrometer's
 * dotted names; the Prometheus registry renders {@code squidmesh.runs.started} as
 * {@code squidmesh_runs_started_total} and a timer as {@code _seconds} with {@code _count}, {@code _sum} and
 * buckets. Tags are bounded by the deployed definitions (workflow, step) and by the engine's own vocabularies
 * (status, outcome, reason), never by run ids.
 */
public final class EventMeters {

    /** Runs started, by workflow and origin (start or replay). */
    public static final String RUNS_STARTED = "squidmesh.runs.started";
    /** Runs ended, by workflow and terminal status. */
    public static final String RUNS_FINISHED = "squidmesh.runs.finished";
    /** A run's life from its start to its end, by workflow and terminal status. */
    public static final String RUN_DURATION = "squidmesh.run.duration";
    /** Step attempts settled, by workflow, step and outcome. */
    public static final String STEP_ATTEMPTS = "squidmesh.step.attempts";
    /** How long step attempts ran, by workflow, step and outcome. */
    public static final String STEP_DURATION = "squidmesh.step.duration";
    /** Retries scheduled after a failed attempt, by workflow and step. */
    public static final String RETRIES_SCHEDULED = "squidmesh.retries.scheduled";
    /** Deliveries the engine set aside (already_running, waiting_for_slot), by workflow and reason. */
    public static final String DELIVERIES_SKIPPED = "squidmesh.deliveries.skipped";
    /** Compensation callbacks run for failed runs, by workflow, step and outcome (completed, failed). */
    public static final String COMPENSATIONS = "squidmesh.compensations";
    /** Open runs by status (a gauge). */
    public static final String RUNS_OPEN = "squidmesh.runs.open";

    /** A counter moves by one. */
    public record Count(String name, Map<String, String> tags) implements Reading {
    }

    /** A timer records one duration. */
    public record Time(String name, Map<String, String> tags, long nanos) implements Reading {
    }

    /** One meter movement. */
    public sealed interface Reading permits Count, Time {
        /** @return the meter's dotted name */
        String name();

        /** @return the meter's tags */
        Map<String, String> tags();
    }

    private EventMeters() {
    }

    /**
     * @param event a committed engine event
     * @return the meters it moves, in order; none for events that are not counted (e.g. {@code run.dispatched})
     */
    public static List<Reading> of(SquidMeshEvent event) {
        String workflow = text(event.metadata("workflow"));
        return switch (event.name()) {
            case "run.created" -> List.of(new Count(RUNS_STARTED, Map.of("workflow", workflow, "origin", "start")));
            case "run.replayed" -> List.of(new Count(RUNS_STARTED, Map.of("workflow", workflow, "origin", "replay")));
            case "run.transition" -> finished(event, workflow);
            case "step.completed" -> attempt(event, workflow, "completed");
            case "step.failed" -> attempt(event, workflow, "failed");
            case "step.retry_scheduled" -> List.of(new Count(RETRIES_SCHEDULED,
                    Map.of("workflow", workflow, "step", text(event.metadata("step")))));
            case "step.compensated" -> List.of(new Count(COMPENSATIONS, Map.of("workflow", workflow,
                    "step", text(event.metadata("step")), "outcome", text(event.metadata("outcome")))));
            case "step.skipped" -> List.of(new Count(DELIVERIES_SKIPPED,
                    Map.of("workflow", workflow, "reason", text(event.metadata("reason")))));
            default -> List.of();
        };
    }

    private static List<Reading> finished(SquidMeshEvent event, String workflow) {
        Optional<RunStatus> to = RunStatus.parse(text(event.metadata("to_status")));
        if (to.isEmpty() || !to.get().isTerminal()) {
            return List.of();
        }
        Map<String, String> tags = Map.of("workflow", workflow, "status", to.get().value());
        return duration(event)
                .<List<Reading>>map(nanos -> List.of(new Count(RUNS_FINISHED, tags), new Time(RUN_DURATION, tags, nanos)))
                .orElseGet(() -> List.of(new Count(RUNS_FINISHED, tags)));
    }

    private static List<Reading> attempt(SquidMeshEvent event, String workflow, String outcome) {
        Map<String, String> tags = Map.of("workflow", workflow, "step", text(event.metadata("step")), "outcome", outcome);
        return duration(event)
                .<List<Reading>>map(nanos -> List.of(new Count(STEP_ATTEMPTS, tags), new Time(STEP_DURATION, tags, nanos)))
                .orElseGet(() -> List.of(new Count(STEP_ATTEMPTS, tags)));
    }

    private static Optional<Long> duration(SquidMeshEvent event) {
        return event.measurements().get("duration") instanceof Number n && n.longValue() >= 0
                ? Optional.of(n.longValue()) : Optional.empty();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
