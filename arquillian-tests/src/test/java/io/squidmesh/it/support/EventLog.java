package io.squidmesh.it.support;

import io.squidmesh.SquidMeshEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every telemetry event with whether a transaction was active when it arrived, so tests can assert
 * names, order, metadata and that events come only after commit.
 */
@ApplicationScoped
public class EventLog {

    /** An event as observed. */
    public record Observed(SquidMeshEvent event, boolean inTransaction) {
        public String name() {
            return event.name();
        }
    }

    private final List<Observed> events = new CopyOnWriteArrayList<>();

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    void observe(@Observes SquidMeshEvent event) {
        events.add(new Observed(event, transactions.getTransactionStatus() == Status.STATUS_ACTIVE));
    }

    public List<Observed> forRun(String runId) {
        return events.stream().filter(e -> runId.equals(e.event().metadata("run_id"))).toList();
    }

    public List<String> names(String runId) {
        return forRun(runId).stream().map(Observed::name).toList();
    }
}
