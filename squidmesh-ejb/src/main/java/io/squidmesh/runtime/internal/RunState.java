package io.squidmesh.runtime.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How payload, context, step input and step output combine (SPEC §6.15). */
public final class RunState {

    /** The only context key a caller may seed (cron schedule metadata); it survives replays. */
    public static final String SCHEDULE = "schedule";

    private RunState() {
    }

    /** Payload merged with context; context wins on clashes. */
    public static Map<String, Object> state(Map<String, Object> payload, Map<String, Object> context) {
        Map<String, Object> state = new LinkedHashMap<>(payload);
        state.putAll(context);
        return state;
    }

    /** The state restricted to the step's input keys (all of it when none are declared); absent keys are left out. */
    public static Map<String, Object> input(Map<String, Object> state, List<String> inputKeys) {
        if (inputKeys == null) {
            return new LinkedHashMap<>(state);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        for (String key : inputKeys) {
            if (state.containsKey(key)) {
                input.put(key, state.get(key));
            }
        }
        return input;
    }

    /** A step's output as stored: namespaced under {@code outputKey} when the step declares one. */
    public static Map<String, Object> mapOutput(Map<String, Object> output, String outputKey) {
        if (outputKey == null) {
            return new LinkedHashMap<>(output);
        }
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put(outputKey, output);
        return mapped;
    }

    /** The context after a step: a shallow merge where later writers win. */
    public static Map<String, Object> merge(Map<String, Object> context, Map<String, Object> output) {
        Map<String, Object> merged = new LinkedHashMap<>(context);
        if (output != null) {
            merged.putAll(output);
        }
        return merged;
    }

    /** Only the reserved run facts of a context (for replays and cron-seeded runs). */
    public static Map<String, Object> reservedFacts(Map<String, Object> context) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (context != null && context.containsKey(SCHEDULE)) {
            facts.put(SCHEDULE, context.get(SCHEDULE));
        }
        return facts;
    }
}
