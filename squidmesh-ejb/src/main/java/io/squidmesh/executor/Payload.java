package io.squidmesh.executor;

import io.squidmesh.Run;
import io.squidmesh.json.Json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The backend-neutral description of one unit of work (SPEC §5.2): a JSON object with string keys.
 * <ul>
 *   <li>step: {@code {"kind":"step","run_id":"<uuid>","step":"<name>"}}</li>
 *   <li>compensation: {@code {"kind":"compensation","run_id":"<uuid>"}}</li>
 *   <li>cron: {@code {"kind":"cron","workflow":"<name>","trigger":"<name>"}} plus optional
 *       {@code signal_id} and {@code intended_window}; absent options are omitted, never null.</li>
 * </ul>
 * Executors store and deliver it unchanged; only {@code Runner.perform} interprets it.
 */
public final class Payload {

    /** Key of the kind of work: {@value #STEP}, {@value #COMPENSATION} or {@value #CRON}. */
    public static final String KIND = "kind";
    /** Kind of a step delivery; also the key of the step's name. */
    public static final String STEP = "step";
    /** Kind of a saga compensation. */
    public static final String COMPENSATION = "compensation";
    /** Kind of a cron activation. */
    public static final String CRON = "cron";
    /** Key of the run's id (step and compensation). */
    public static final String RUN_ID = "run_id";
    /** Key of the workflow's name (cron). */
    public static final String WORKFLOW = "workflow";
    /** Key of the trigger's name (cron). */
    public static final String TRIGGER = "trigger";
    /** Key of the optional scheduler signal id (cron). */
    public static final String SIGNAL_ID = "signal_id";
    /** Key of the optional intended window (cron). */
    public static final String INTENDED_WINDOW = "intended_window";

    private final Map<String, Object> fields;

    private Payload(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * The delivery of one step of a run.
     *
     * @param run the run
     * @param step the step's name
     * @return the payload
     */
    public static Payload step(Run run, String step) {
        return step(run.id(), step);
    }

    /**
     * The delivery of one step of a run.
     *
     * @param runId the run's id
     * @param step the step's name
     * @return the payload
     */
    public static Payload step(UUID runId, String step) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KIND, STEP);
        fields.put(RUN_ID, runId.toString());
        fields.put(STEP, Objects.requireNonNull(step, "step"));
        return new Payload(fields);
    }

    /**
     * The saga compensation of a run.
     *
     * @param runId the run's id
     * @return the payload
     */
    public static Payload compensation(UUID runId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KIND, COMPENSATION);
        fields.put(RUN_ID, runId.toString());
        return new Payload(fields);
    }

    /**
     * One activation of a cron trigger; options that are absent are omitted.
     *
     * @param workflow the workflow's name
     * @param trigger the cron trigger's name
     * @param options the signal id and intended window, or {@code null}
     * @return the payload
     */
    public static Payload cron(String workflow, String trigger, CronOptions options) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KIND, CRON);
        fields.put(WORKFLOW, Objects.requireNonNull(workflow, "workflow"));
        fields.put(TRIGGER, Objects.requireNonNull(trigger, "trigger"));
        if (options != null && options.signalId() != null) {
            fields.put(SIGNAL_ID, options.signalId());
        }
        if (options != null && options.intendedWindow() != null) {
            fields.put(INTENDED_WINDOW, new LinkedHashMap<>(options.intendedWindow()));
        }
        return new Payload(fields);
    }

    /**
     * Wraps fields received from a queue; they are validated when performed, not here.
     *
     * @param fields the payload's fields, copied
     * @return the payload
     */
    public static Payload of(Map<String, Object> fields) {
        return new Payload(new LinkedHashMap<>(fields));
    }

    /**
     * Parses a JSON body; throws {@link io.squidmesh.json.MalformedJsonException} if it is not an object.
     *
     * @param json the JSON text
     * @return the payload
     */
    public static Payload fromJson(String json) {
        return new Payload(Json.readObject(json));
    }

    /**
     * The payload as a JSON object, as executors store it.
     *
     * @return the JSON text
     */
    public String toJson() {
        return Json.write(fields);
    }

    /**
     * The payload's fields.
     *
     * @return the unmodifiable fields
     */
    public Map<String, Object> toMap() {
        return fields;
    }

    /**
     * The {@code kind} field if it is a string, else {@code null}.
     *
     * @return the kind, or {@code null}
     */
    public String kind() {
        return text(KIND);
    }

    /**
     * A field's value if it is a string, else {@code null}.
     *
     * @param key the field's key
     * @return the string value, or {@code null}
     */
    public String text(String key) {
        return fields.get(key) instanceof String s ? s : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload p && p.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
