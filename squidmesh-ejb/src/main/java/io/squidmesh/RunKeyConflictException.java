package io.squidmesh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A run was already started with this key, from another trigger or payload ({@code run_key_conflict}): the key
 * stands for one request, so a different one under it is refused rather than answered with a run it did not ask
 * for.
 */
public class RunKeyConflictException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A key already used for another request.
     *
     * @param workflow the workflow's name
     * @param key the run key
     * @param runId the run the key's first start created
     */
    public RunKeyConflictException(String workflow, String key, UUID runId) {
        super("run_key_conflict", "run key " + key + " of workflow " + workflow + " already started run " + runId
                + " with another trigger or payload", details(workflow, key, runId));
    }

    private static Map<String, Object> details(String workflow, String key, UUID runId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workflow", workflow);
        details.put("key", key);
        details.put("run_id", String.valueOf(runId));
        return details;
    }
}
