package io.squidmesh;

import java.util.Map;

/**
 * A run cannot be migrated as asked ({@code invalid_migration}): the target version is not deployed, or the step
 * to go on at is missing from it or not a step the run can start at. {@code field} names the argument at fault.
 */
public class InvalidMigrationException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * A migration refused before anything changed.
     *
     * @param runId the run's id
     * @param field {@code version} or {@code step}
     * @param why what is wrong, completing the message
     */
    public InvalidMigrationException(String runId, String field, String why) {
        super("invalid_migration", "run " + runId + " cannot be migrated: " + why,
                Map.of("run_id", runId, "field", field));
    }
}
