package io.squidmesh.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/** A validated transition: when {@code from} ends with {@code on}, go to {@code to} (a step or {@link Workflows#COMPLETE}). */
public record TransitionSpec(String from, Outcome on, String to, Recovery recovery) {

    /**
     * Whether the transition ends the run.
     *
     * @return {@code true} when {@code to} is {@link Workflows#COMPLETE}
     */
    public boolean completes() {
        return Workflows.COMPLETE.equals(to);
    }

    /**
     * The serializable form: {@code from}, {@code on}, {@code to} ({@code complete} for the terminal target)
     * and, if any, {@code recovery}.
     *
     * @return a new map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", from);
        map.put("on", on.value());
        map.put("to", completes() ? "complete" : to);
        if (recovery != null) {
            map.put("recovery", recovery.value());
        }
        return map;
    }
}
