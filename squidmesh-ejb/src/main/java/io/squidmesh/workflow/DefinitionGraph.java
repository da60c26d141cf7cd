package io.squidmesh.workflow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a workflow that a run in flight depends on, as sorted lines: each step with its kind, each
 * dependency, each transition, the deadline route. Two definitions with the same lines move a run alike, whatever
 * else changed (descriptions, retry policies, step code), so a run started under one can go on under the other.
 * The {@link #fingerprint()} is what a run is pinned to; {@link #changesTo} names what differs, line by line.
 *
 * @param lines the graph's lines, sorted
 */
public record DefinitionGraph(List<String> lines) {

    /** The prefix of a line the deployed definition lacks, in {@link #changesTo}. */
    public static final String REMOVED = "removed: ";
    /** The prefix of a line only the deployed definition has, in {@link #changesTo}. */
    public static final String ADDED = "added: ";

    /**
     * A graph of these lines, sorted and without repeats.
     *
     * @param lines the lines, in any order
     */
    public DefinitionGraph {
        lines = List.copyOf(new TreeSet<>(lines));
    }

    /**
     * The graph of a workflow.
     *
     * @param workflow the workflow
     * @return its graph
     */
    public static DefinitionGraph of(Workflow workflow) {
        List<String> lines = new ArrayList<>();
        for (StepSpec step : workflow.steps()) {
            lines.add("step " + step.name() + " " + step.kind().value());
            step.after().forEach(dependency -> lines.add("after " + step.name() + " " + dependency));
        }
        for (TransitionSpec transition : workflow.transitions()) {
            lines.add("transition " + transition.from() + " " + transition.on().value() + " "
                    + (transition.completes() ? "complete" : transition.to()));
        }
        if (workflow.deadlineRoute() != null) {
            lines.add("deadline_route " + workflow.deadlineRoute());
        }
        return new DefinitionGraph(lines);
    }

    /**
     * The first 16 hex digits of the SHA-256 of the lines: equal for equal graphs.
     *
     * @return the fingerprint
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * What differs from this graph (a run's pinned one) to {@code deployed}: {@code removed: <line>} for each line
     * the deployed graph lacks, then {@code added: <line>} for each line only it has.
     *
     * @param deployed the graph deployed now
     * @return the differences; empty when the graphs are equal
     */
    public List<String> changesTo(DefinitionGraph deployed) {
        Set<String> theirs = Set.copyOf(deployed.lines);
        Set<String> ours = Set.copyOf(lines);
        List<String> changes = new ArrayList<>();
        lines.stream().filter(line -> !theirs.contains(line)).forEach(line -> changes.add(REMOVED + line));
        deployed.lines.stream().filter(line -> !ours.contains(line)).forEach(line -> changes.add(ADDED + line));
        return changes;
    }
}
