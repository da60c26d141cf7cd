package io.squidmesh.runtime.internal.definition;

import io.squidmesh.workflow.DefinitionGraph;
import io.squidmesh.workflow.Workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * May a delivery move a run with the definitions deployed now? A run is pinned to a version of its workflow and to
 * the fingerprint of that version's graph when it started; a delivery never guesses across a change: when the
 * version is gone or its graph changed, the run is held (paused) with a reason naming what differs, until an
 * operator migrates or cancels it.
 */
public sealed interface DefinitionVerdict {

    String DEFINITION_CHANGED = "definition_changed";
    String VERSION_NOT_DEPLOYED = "version_not_deployed";

    /** The pinned definition is deployed as it was: go on with it. */
    record Use(Workflow workflow) implements DefinitionVerdict {
    }

    /** A run from before versions (no fingerprint): pin it to the deployed definition of its version and go on. */
    record Adopt(Workflow workflow) implements DefinitionVerdict {
    }

    /** No version of the workflow is deployed on this node (perhaps not yet, in a rolling deploy): defer. */
    record Absent() implements DefinitionVerdict {
    }

    /** Hold the run: {@code hold} says why ({@code reason}) and what differs. */
    record Hold(Map<String, Object> hold) implements DefinitionVerdict {
        public String reason() {
            return (String) hold.get("reason");
        }
    }

    /**
     * The verdict for a run of {@code workflow} pinned to {@code version} and {@code fingerprint}.
     *
     * @param deployed the deployed versions of the workflow, newest first
     * @param pinnedGraph the graph the run was pinned to, as some node recorded it (asked only when it differs)
     */
    static DefinitionVerdict judge(String workflow, String version, String fingerprint, List<Workflow> deployed,
                                   Supplier<Optional<DefinitionGraph>> pinnedGraph) {
        if (deployed.isEmpty()) {
            return new Absent();
        }
        Optional<Workflow> atVersion = version == null ? Optional.of(deployed.get(0))
                : deployed.stream().filter(w -> w.version().equals(version)).findFirst();
        if (atVersion.isEmpty()) {
            Map<String, Object> hold = hold(VERSION_NOT_DEPLOYED, workflow, version, fingerprint);
            hold.put("deployed_versions", deployed.stream().map(Workflow::version).toList());
            hold.put("message", "version " + version + " of workflow " + workflow + " is not deployed");
            return new Hold(hold);
        }
        Workflow current = atVersion.get();
        if (fingerprint == null) {
            return new Adopt(current);
        }
        if (current.fingerprint().equals(fingerprint)) {
            return new Use(current);
        }
        Map<String, Object> hold = hold(DEFINITION_CHANGED, workflow, current.version(), fingerprint);
        hold.put("deployed_fingerprint", current.fingerprint());
        Optional<DefinitionGraph> pinned = pinnedGraph.get();
        hold.put("changes", pinned.map(graph -> (Object) graph.changesTo(current.graph())).orElse("unknown"));
        hold.put("message", "the graph of workflow " + workflow + " version " + current.version()
                + " changed since the run started");
        return new Hold(hold);
    }

    private static Map<String, Object> hold(String reason, String workflow, String version, String fingerprint) {
        Map<String, Object> hold = new LinkedHashMap<>();
        hold.put("reason", reason);
        hold.put("workflow", workflow);
        hold.put("version", version);
        hold.put("fingerprint", fingerprint);
        return hold;
    }
}
