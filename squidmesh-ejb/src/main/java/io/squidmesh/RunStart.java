package io.squidmesh;

/**
 * What a start with {@link StartOptions} did: the run, and whether this call created it ({@code false}: a start
 * with the same run key had created it before, and nothing was written or queued now).
 *
 * @param run the run, as it is now
 * @param created whether this call created the run
 */
public record RunStart(Run run, boolean created) {
}
