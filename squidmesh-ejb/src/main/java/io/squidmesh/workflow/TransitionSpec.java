package io.squidmesh.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/** A validated transition: when {@code from} ends with {@code on}, go to {@code to} (a step or {@link Workflows#COMPLETE}). */
public record TransitionSpec(String from, Outcome on, String to, Recovery recovery) {

    public boolean completes() {
        return Workflows.COMPLETE.equals(to);
    }

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
