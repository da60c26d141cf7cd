package io.squidmesh.workflow.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cycle detection and phases over a step → dependencies map. */
public final class DependencyGraph {

    private DependencyGraph() {
    }

    public static boolean hasCycle(Map<String, List<String>> dependencies) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String step : dependencies.keySet()) {
            if (visitFindsCycle(step, dependencies, state)) {
                return true;
            }
        }
        return false;
    }

    private static boolean visitFindsCycle(String step, Map<String, List<String>> dependencies,
                                           Map<String, Integer> state) {
        Integer current = state.get(step);
        if (current != null) {
            return current == 1;
        }
        state.put(step, 1);
        for (String dependency : dependencies.getOrDefault(step, List.of())) {
            if (visitFindsCycle(dependency, dependencies, state)) {
                return true;
            }
        }
        state.put(step, 2);
        return false;
    }

    /**
     * Phase of each step: 0 for a root, else 1 + the highest phase of its dependencies (the longest
     * path from a root). The graph must be acyclic.
     */
    public static Map<String, Integer> phases(Map<String, List<String>> dependencies) {
        Map<String, Integer> phases = new HashMap<>();
        for (String step : dependencies.keySet()) {
            phase(step, dependencies, phases);
        }
        return phases;
    }

    private static int phase(String step, Map<String, List<String>> dependencies, Map<String, Integer> phases) {
        Integer known = phases.get(step);
        if (known != null) {
            return known;
        }
        int phase = 0;
        for (String dependency : dependencies.getOrDefault(step, List.of())) {
            phase = Math.max(phase, phase(dependency, dependencies, phases) + 1);
        }
        phases.put(step, phase);
        return phase;
    }
}
