package io.squidmesh;

/**
 * A version of a workflow against the runs pinned to it ({@link SquidMesh#workflowVersions}).
 *
 * @param version the version label
 * @param fingerprint the fingerprint of its deployed graph, or {@code null} when the version is not deployed
 * @param newest whether new runs take this version by default
 * @param deployed whether it is deployed (a version no longer deployed is listed while runs are pinned to it)
 * @param activeRuns how many runs pinned to it have not ended
 * @param staleRuns how many of those started with another graph (or a version no longer deployed): their next step
 *                  pauses them until they are migrated
 */
public record WorkflowVersion(String version, String fingerprint, boolean newest, boolean deployed, long activeRuns,
                              long staleRuns) {
}
