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

    public static final String KIND = "kind";
    public static final String STEP = "step";
    public static final String COMPENSATION = "compensation";
    public static final String CRON = "cron";
    public static final String RUN_ID = "run_id";
    public static final String WORKFLOW = "workflow";
    public static final String TRIGGER = "trigger";
    public static final String SIGNAL_ID = "signal_id";
    public static final String INTENDED_WINDOW = "intended_window";

    private final Map<String, Object> fields;

    private Payload(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    public static Payload step(Run run, String step) {
        return step(run.id(), step);
    }

    public static Payload step(UUID runId, String step) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KIND, STEP);
        fields.put(RUN_ID, runId.toString());
        fields.put(STEP, Objects.requireNonNull(step, "step"));
        return new Payload(fields);
    }

    public static Payload compensation(UUID runId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KIND, COMPENSATION);
        fields.put(RUN_ID, runId.toString());
        return new Payload(fields);
    }

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

    /** Wraps fields received from a queue; they are validated when performed, not here. */
    public static Payload of(Map<String, Object> fields) {
        return new Payload(new LinkedHashMap<>(fields));
    }

    /** Parses a JSON body; throws {@link io.squidmesh.json.MalformedJsonException} if it is not an object. */
    public static Payload fromJson(String json) {
        return new Payload(Json.readObject(json));
    }

    public String toJson() {
        return Json.write(fields);
    }

    public Map<String, Object> toMap() {
        return fields;
    }

    /** The {@code kind} field if it is a string, else {@code null}. */
    public String kind() {
        return text(KIND);
    }

    /** A field's value if it is a string, else {@code null}. */
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
