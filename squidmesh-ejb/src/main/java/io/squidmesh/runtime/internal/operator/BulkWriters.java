package io.squidmesh.runtime.internal.operator;

import io.squidmesh.InvalidTransitionException;
import io.squidmesh.RunStatus;
import io.squidmesh.UnsafeReplayException;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.runtime.internal.ReplaySafety;
import io.squidmesh.runtime.internal.query.RunKeysReader;
import io.squidmesh.runtime.internal.query.RunReader;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The chunk artifacts of the operator jobs. Processors drop runs that can no longer be changed (counted as
 * filtered, i.e. skipped); writers change a chunk of runs in the chunk's transaction.
 */
public final class BulkWriters {

    static final String ALLOW_IRREVERSIBLE = "allow_irreversible";

    private BulkWriters() {
    }

    /** Deletes terminal runs with their step runs and attempts (the foreign keys cascade). */
    @Named("squidmeshPurgeWriter")
    @Dependent
    public static class Purge extends AbstractItemWriter {

        @Inject
        @BatchProperty(name = RunKeysReader.UPDATED_BEFORE)
        String updatedBefore;

        @Inject
        RunStore runs;

        @Override
        public void writeItems(List<Object> items) {
            runs.deleteTerminal(ids(items), Instant.parse(updatedBefore));
        }
    }

    /** Keeps runs that a cancellation can still change. */
    @Named("squidmeshCancellable")
    @Dependent
    public static class Cancellable implements ItemProcessor {

        @Inject
        RunStore runs;

        @Override
        public Object processItem(Object item) {
            RunEntity run = runs.find((UUID) item);
            if (run == null) {
                return null;
            }
            RunStatus status = run.getStatus();
            return status.isTerminal() || status == RunStatus.CANCELLING ? null : item;
        }
    }

    @Named("squidmeshCancelWriter")
    @Dependent
    public static class Cancel extends AbstractItemWriter {

        @Inject
        Cancellation cancellation;

        @Override
        public void writeItems(List<Object> items) {
            for (UUID id : ids(items)) {
                try {
                    cancellation.cancel(id);
                } catch (InvalidTransitionException settledMeanwhile) {
                    // the run ended between the processor's look and this chunk's lock; nothing to do
                }
            }
        }
    }

    /** Keeps runs whose replay the guard allows (or every run, with the override). */
    @Named("squidmeshReplayable")
    @Dependent
    public static class Replayable implements ItemProcessor {

        @Inject
        @BatchProperty(name = ALLOW_IRREVERSIBLE)
        String allowIrreversible;

        @Inject
        RunReader reader;

        @Override
        public Object processItem(Object item) {
            if (Boolean.parseBoolean(allowIrreversible)) {
                return item;
            }
            return ReplaySafety.blockingSteps(reader.read((UUID) item, true).stepRuns()).isEmpty() ? item : null;
        }
    }

    @Named("squidmeshReplayWriter")
    @Dependent
    public static class Replay extends AbstractItemWriter {

        @Inject
        @BatchProperty(name = ALLOW_IRREVERSIBLE)
        String allowIrreversible;

        @Inject
        Replays replays;

        @Override
        public void writeItems(List<Object> items) {
            for (UUID id : ids(items)) {
                try {
                    replays.replay(id, Boolean.parseBoolean(allowIrreversible));
                } catch (UnsafeReplayException unsafe) {
                    // filtered already; kept for runs that changed after the processor looked
                }
            }
        }
    }

    private static List<UUID> ids(List<Object> items) {
        return items.stream().map(UUID.class::cast).toList();
    }
}
