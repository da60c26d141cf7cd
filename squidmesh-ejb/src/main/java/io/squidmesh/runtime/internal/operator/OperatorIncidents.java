package io.squidmesh.runtime.internal.operator;

import io.squidmesh.DeadLetter;
import io.squidmesh.Incidents;
import io.squidmesh.SquidMeshException;
import io.squidmesh.StuckRun;
import io.squidmesh.executor.Executor;
import io.squidmesh.persistence.OperatorActionEntity;
import io.squidmesh.persistence.OperatorActionStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunStore;
import io.squidmesh.runtime.internal.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The incidents an operator acts on: stuck runs (from the database) and dead letters (from the executor), and
 * sending a dead letter back to work, audited in the same transaction as the move.
 */
@ApplicationScoped
public class OperatorIncidents {

    private static final Logger LOG = Logger.getLogger(OperatorIncidents.class.getName());
    static final int MAX_LIMIT = 500;
    static final String REDRIVEN = "dead_letter_redriven";
    /** Queues are counted up to this many messages: counting walks them. */
    static final int DEPTH_CAP = 10_000;

    @Inject
    RunStore runs;

    @Inject
    Instance<Executor> executor;

    @Inject
    OperatorActionStore actions;

    public Incidents read(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("the incidents' limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        Instant now = Clocks.now();
        List<StuckRun> stuck = runs.stuck(now, limit).stream().map(OperatorIncidents::stuck).toList();
        Executor work = executor.get();
        return new Incidents(now, stuck, work.deadLetters(limit), work.queueDepths(DEPTH_CAP));
    }

    public DeadLetter redrive(String id, String actor) {
        if (id == null || id.isBlank()) {
            throw notFound(String.valueOf(id));
        }
        DeadLetter letter = executor.get().redrive(id).orElseThrow(() -> notFound(id));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dead_letter_id", letter.id());
        details.put("original_id", letter.originalId());
        details.put("kind", letter.kind());
        details.put("step", letter.step());
        details.put("reason", letter.reason());
        details.put("deliveries", letter.deliveries());
        details.put("queue", letter.sourceQueue());
        details.values().removeIf(java.util.Objects::isNull);
        actions.insert(new OperatorActionEntity(letter.runId(), REDRIVEN, actor, details, Clocks.now()));
        LOG.info(() -> "dead letter " + id + " sent back to " + letter.sourceQueue() + " by " + actor
                + (letter.runId() == null ? "" : " run_id=" + letter.runId()));
        return letter;
    }

    private static SquidMeshException notFound(String id) {
        return new SquidMeshException("not_found", "there is no dead letter " + id + " (already redriven, or removed)",
                Map.of("dead_letter_id", id));
    }

    private static StuckRun stuck(RunEntity run) {
        return new StuckRun(run.getId(), run.getWorkflow(), run.getStatus(), run.getCurrentStep(), run.getWakeAt(),
                run.getNudges(), run.getUpdatedAt());
    }
}
