package io.squidmesh.runtime.internal.operator;

import io.squidmesh.Run;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.UnsafeReplayException;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.ReplaySafety;
import io.squidmesh.runtime.internal.RunStarter;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.runtime.internal.query.RunReader;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replays a run (SPEC §6.11): a new run of the same workflow and trigger from the original payload, linked to
 * its source, which is left untouched. Refused when the source completed irreversible or non-compensatable
 * steps, unless the caller explicitly allows it. Unlike the original engine, an undeployed workflow is
 * reported as {@code invalid_workflow}, not wrapped as {@code dispatch_failed} (SPEC §18.6).
 */
@ApplicationScoped
@InCallersTransaction
public class Replays {

    @Inject
    RunStore runs;

    @Inject
    RunReader reader;

    @Inject
    WorkflowRegistry registry;

    @Inject
    RunStarter starter;

    public Run replay(UUID sourceId, boolean allowIrreversible) {
        RunEntity source = runs.find(sourceId);
        if (source == null) {
            throw new RunNotFoundException(sourceId.toString());
        }
        Workflow workflow = registry.forRun(source).orElseGet(() -> registry.require(source.getWorkflow()));
        if (!allowIrreversible) {
            List<Map<String, Object>> blocking = ReplaySafety.blockingSteps(reader.read(sourceId, true).stepRuns());
            if (!blocking.isEmpty()) {
                throw new UnsafeReplayException(blocking);
            }
        }
        return starter.replay(workflow, source);
    }
}
