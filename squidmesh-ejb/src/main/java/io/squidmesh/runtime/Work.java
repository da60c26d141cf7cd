package io.squidmesh.runtime;

import io.squidmesh.SquidMeshException;
import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.Payload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a delivered payload asks of the engine, decoded once at the runner's door: the executor carries
 * {@link Payload}s (string-keyed JSON, SPEC §5.2), the engine decides on these values. {@link #decode} is the only
 * reader of a payload's fields and {@link #payload()} writes them back through {@code Payload}'s factories, so a
 * kind or a field is spelled in one place each way.
 */
public sealed interface Work permits Work.Step, Work.Compensation, Work.Cron {

    /**
     * The payload that carries this work, as the executor stores and delivers it.
     *
     * @return the payload
     */
    Payload payload();

    /**
     * The delivery of one step of a run.
     *
     * @param runId the run's id
     * @param step  the step's name
     */
    record Step(UUID runId, String step) implements Work {
        /** Both components are required. */
        public Step {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(step, "step");
        }

        @Override
        public Payload payload() {
            return Payload.step(runId, step);
        }
    }

    /**
     * The saga compensation of a run.
     *
     * @param runId the run's id
     */
    record Compensation(UUID runId) implements Work {
        /** The run is required. */
        public Compensation {
            Objects.requireNonNull(runId, "runId");
        }

        @Override
        public Payload payload() {
            return Payload.compensation(runId);
        }
    }

    /**
     * One activation of a cron trigger.
     *
     * @param workflow the workflow's name
     * @param trigger  the cron trigger's name
     * @param signalId the scheduler's id for this activation (non-empty), or {@code null}
     * @param window   the window the activation stands for: {@code start_at} and {@code end_at} as delivered, each
     *                 only if present; empty when there is none
     */
    record Cron(String workflow, String trigger, String signalId, Map<String, Object> window) implements Work {
        /** Workflow and trigger are required; the window is copied. */
        public Cron {
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(trigger, "trigger");
            window = window == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(window));
        }

        @Override
        public Payload payload() {
            return Payload.cron(workflow, trigger, new CronOptions(signalId, window.isEmpty() ? null : window));
        }
    }

    /**
     * Decodes a delivered payload.
     *
     * @param payload the payload's fields as delivered (a JSON object), or {@code null}
     * @return the work it asks for
     * @throws InvalidExecutorPayloadException for a payload the engine never produces: not an object, an unknown or
     *                                         missing {@code kind}, a required field missing, blank or not a string,
     *                                         a {@code run_id} that is not a UUID
     * @throws SquidMeshException              {@code invalid_schedule_signal_id} for a cron {@code signal_id} that
     *                                         is present but not a non-empty string (SPEC §6.17)
     */
    static Work decode(Map<String, Object> payload) {
        if (payload == null) {
            throw new InvalidExecutorPayloadException("payload is not a JSON object", null);
        }
        Object kind = payload.get(Payload.KIND);
        if (Payload.STEP.equals(kind)) {
            return new Step(runId(payload), required(payload, Payload.STEP));
        }
        if (Payload.COMPENSATION.equals(kind)) {
            return new Compensation(runId(payload));
        }
        if (Payload.CRON.equals(kind)) {
            return new Cron(required(payload, Payload.WORKFLOW), required(payload, Payload.TRIGGER),
                    signalId(payload), window(payload.get(Payload.INTENDED_WINDOW)));
        }
        throw new InvalidExecutorPayloadException(kind instanceof String ? "unknown kind " + kind
                : "kind is missing or not a string", payload);
    }

    private static String required(Map<String, Object> payload, String field) {
        if (payload.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new InvalidExecutorPayloadException(field + " is missing or not a string", payload);
    }

    private static UUID runId(Map<String, Object> payload) {
        String value = required(payload, Payload.RUN_ID);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidExecutorPayloadException(Payload.RUN_ID + " " + value + " is not a UUID", payload);
        }
    }

    private static String signalId(Map<String, Object> payload) {
        if (!payload.containsKey(Payload.SIGNAL_ID)) {
            return null;
        }
        Object given = payload.get(Payload.SIGNAL_ID);
        if (given instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new SquidMeshException("invalid_schedule_signal_id", "signal_id must be a non-empty string, was "
                + given, Map.of(Payload.SIGNAL_ID, String.valueOf(given)));
    }

    /** Keeps only {@code start_at} and {@code end_at}; anything that is not an object is no window. */
    private static Map<String, Object> window(Object intendedWindow) {
        Map<String, Object> window = new LinkedHashMap<>();
        if (intendedWindow instanceof Map<?, ?> given) {
            for (String key : List.of("start_at", "end_at")) {
                if (given.containsKey(key)) {
                    window.put(key, given.get(key));
                }
            }
        }
        return window;
    }
}
