package io.squidmesh.runtime.internal.query;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.RunStore.RunKey;
import io.squidmesh.persistence.RunStore;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reads the ids of the runs a bulk job touches, oldest first, one page per chunk (keyset paging on
 * {@code (inserted_at, id)}). Its checkpoint is the last run read, so a restarted job goes on after the last
 * committed chunk. The optional pause is taken before each page after the first, outside any row lock.
 */
@Named("squidmeshRunKeys")
@Dependent
public class RunKeysReader extends AbstractItemReader {

    public static final String WORKFLOW = "workflow";
    public static final String STATUS = "status";
    public static final String UPDATED_BEFORE = "updated_before";
    public static final String CHUNK_SIZE = "chunk_size";
    public static final String PAUSE_MS = "pause_between_chunks_ms";

    @Inject
    @BatchProperty(name = "statuses")
    String statuses;

    @Inject
    @BatchProperty(name = WORKFLOW)
    String workflow;

    @Inject
    @BatchProperty(name = STATUS)
    String status;

    @Inject
    @BatchProperty(name = UPDATED_BEFORE)
    String updatedBefore;

    @Inject
    @BatchProperty(name = CHUNK_SIZE)
    String chunkSize;

    @Inject
    @BatchProperty(name = PAUSE_MS)
    String pauseMillis;

    @Inject
    RunStore runs;

    private final Deque<RunKey> page = new ArrayDeque<>();
    private RunKey last;
    private boolean firstPage = true;

    @Override
    public void open(Serializable checkpoint) {
        last = (RunKey) checkpoint;
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (page.isEmpty()) {
            if (!firstPage && pauseMillis != null && Long.parseLong(pauseMillis) > 0) {
                Thread.sleep(Long.parseLong(pauseMillis));
            }
            firstPage = false;
            page.addAll(runs.keys(blankToNull(workflow), eligibleStatuses(),
                    updatedBefore == null || updatedBefore.isBlank() ? null : Instant.parse(updatedBefore),
                    last, Integer.parseInt(chunkSize)));
        }
        RunKey next = page.poll();
        if (next == null) {
            return null;
        }
        last = next;
        return next.id();
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }

    /** The job's statuses, narrowed to the filter's status when there is one. */
    private List<RunStatus> eligibleStatuses() {
        List<RunStatus> allowed = statuses == null || statuses.isBlank() ? null
                : Arrays.stream(statuses.split(",")).map(RunStatus::of).toList();
        String wanted = blankToNull(status);
        if (wanted == null) {
            return allowed;
        }
        RunStatus only = RunStatus.of(wanted);
        return allowed == null || allowed.contains(only) ? List.of(only) : List.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
