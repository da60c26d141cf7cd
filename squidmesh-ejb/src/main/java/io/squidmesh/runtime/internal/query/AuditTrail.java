package io.squidmesh.runtime.internal.query;

import io.squidmesh.AuditEvent;
import io.squidmesh.persistence.OperatorActionEntity;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepStatus;
import io.squidmesh.runtime.internal.FailureRoute;
import io.squidmesh.runtime.internal.RecoveryPolicies;
import io.squidmesh.runtime.internal.waiting.StepResume;
import io.squidmesh.workflow.StepKind;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a run's audit events from its step rows at read time (SPEC §8): failure routes
 * ({@code compensation_routed}, {@code undo_routed}) and manual steps ({@code paused}, then
 * {@code resumed}/{@code approved}/{@code rejected} with the recorded actor, comment and metadata). Works
 * without the workflow definition, from what the rows hold.
 */
final class AuditTrail {

    private static final Set<String> MANUAL_EVENTS = Set.of("resumed", "approved", "rejected");
    private static final Set<String> ROUTED_STRATEGIES = Set.of("compensation", "undo");

    private AuditTrail() {
    }

    static List<AuditEvent> events(List<StepRunEntity> rows, Optional<Workflow> workflow) {
        return events(rows, workflow, List.of());
    }

    /**
     * As {@link #events(List, Optional)}, with a {@code migrated} event for each migration an operator made (its
     * step is the one the run went on at; the metadata says from which version and graph to which).
     */
    static List<AuditEvent> events(List<StepRunEntity> rows, Optional<Workflow> workflow,
                                   List<Map<String, Object>> migrations) {
        return events(rows, workflow, migrations, List.of());
    }

    /**
     * As {@link #events(List, Optional, List)}, with the operator actions recorded for the run
     * ({@code dead_letter_redriven}: the type is the action, the metadata its details).
     */
    static List<AuditEvent> events(List<StepRunEntity> rows, Optional<Workflow> workflow,
                                   List<Map<String, Object>> migrations, List<OperatorActionEntity> actions) {
        List<AuditEvent> events = new ArrayList<>();
        for (OperatorActionEntity action : actions) {
            events.add(new AuditEvent(action.getAction(), (String) action.getDetails().get("step"), action.getActor(),
                    null, action.getDetails(), action.getActedAt()));
        }
        for (Map<String, Object> migration : migrations) {
            migrated(migration).ifPresent(events::add);
        }
        for (StepRunEntity row : rows) {
            failureRoute(row).ifPresent(events::add);
            Optional<StepKind> manual = manualKind(row, workflow);
            if (manual.isEmpty()) {
                continue;
            }
            events.add(new AuditEvent("paused", row.getStep(), null, null, null, row.getInsertedAt()));
            if (row.getStatus() == StepStatus.COMPLETED) {
                events.add(decision(row, manual.get()));
            }
        }
        events.sort(Comparator.comparing(AuditEvent::at));
        return events;
    }

    private static Optional<AuditEvent> migrated(Map<String, Object> migration) {
        if (!(migration.get("at") instanceof String at)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> metadata = new java.util.LinkedHashMap<>(migration);
            metadata.remove("actor");
            metadata.remove("at");
            metadata.remove("to_step");
            metadata.values().removeIf(java.util.Objects::isNull);
            return Optional.of(new AuditEvent("migrated", (String) migration.get("to_step"), migration.get("actor"),
                    null, metadata, Instant.parse(at)));
        } catch (DateTimeParseException | ClassCastException e) {
            return Optional.empty(); // not written by this engine: the trail shows what it can read
        }
    }

    private static Optional<AuditEvent> failureRoute(StepRunEntity row) {
        if (row.getStatus() != StepStatus.FAILED) {
            return Optional.empty();
        }
        return FailureRoute.of(row).filter(route -> ROUTED_STRATEGIES.contains(route.strategy()))
                .map(route -> new AuditEvent(route.strategy() + "_routed", row.getStep(), null, null,
                        Map.of("target", RecoveryPolicies.renderTarget(route.target())), row.getUpdatedAt()));
    }

    /** Whether the row is a pause or approval step, and which, from the strongest evidence available. */
    private static Optional<StepKind> manualKind(StepRunEntity row, Optional<Workflow> workflow) {
        Map<String, Object> manual = row.getManual();
        if (manual != null && MANUAL_EVENTS.contains(manual.get("event"))) {
            return Optional.of("resumed".equals(manual.get("event")) ? StepKind.PAUSE : StepKind.APPROVAL);
        }
        StepResume resume = StepResume.read(row.getResume());
        if (resume != null) {
            return Optional.of(resume instanceof StepResume.Approval ? StepKind.APPROVAL : StepKind.PAUSE);
        }
        if (workflow.isPresent()) {
            return workflow.get().step(row.getStep()).map(StepSpec::kind).filter(StepKind::isManual);
        }
        return decisionPayload(row.getOutput()).map(d -> StepKind.APPROVAL);
    }

    private static AuditEvent decision(StepRunEntity row, StepKind kind) {
        Map<String, Object> manual = row.getManual();
        if (manual != null && MANUAL_EVENTS.contains(manual.get("event"))) {
            return new AuditEvent((String) manual.get("event"), row.getStep(), manual.get("actor"),
                    (String) manual.get("comment"), metadata(manual.get("metadata")),
                    instant(manual.get("at"), row.getUpdatedAt()));
        }
        if (kind == StepKind.PAUSE) {
            return new AuditEvent("resumed", row.getStep(), null, null, null, row.getUpdatedAt());
        }
        Map<String, Object> decision = decisionPayload(row.getOutput()).orElse(Map.of());
        String type = "rejected".equals(decision.get("decision")) ? "rejected" : "approved";
        return new AuditEvent(type, row.getStep(), decision.get("actor"), (String) decision.get("comment"),
                metadata(decision.get("metadata")), instant(decision.get("decided_at"), row.getUpdatedAt()));
    }

    /** An approval decision found at the top level of the output or one level down. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> decisionPayload(Map<String, Object> output) {
        if (output == null) {
            return Optional.empty();
        }
        if (isDecision(output)) {
            return Optional.of(output);
        }
        return output.values().stream().filter(v -> v instanceof Map<?, ?> m && isDecision((Map<String, Object>) m))
                .map(v -> (Map<String, Object>) v).findFirst();
    }

    private static boolean isDecision(Map<String, Object> map) {
        return "approved".equals(map.get("decision")) || "rejected".equals(map.get("decision"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static Instant instant(Object value, Instant fallback) {
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException ignored) {
                return fallback;
            }
        }
        return fallback;
    }
}
