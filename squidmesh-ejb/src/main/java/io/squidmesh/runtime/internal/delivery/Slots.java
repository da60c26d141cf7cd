package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.SlotStore;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.EngineConfig;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Workflow concurrency limits ({@code WorkflowBuilder.concurrency}), held cluster-wide through the database: a
 * delivery takes a slot under the workflow's lock row, or leaves its step waiting there; a step that ends, and the
 * watchdog, hand free slots to the first waiting steps by queueing their deliveries ({@link SlotDecision}).
 * <p>
 * Waking a step sends its message and writes only the waiting row: never the run row, whose lock the run's own
 * delivery may hold while it waits for the workflow's lock (run lock first, then workflow lock, everywhere).
 */
@ApplicationScoped
@InCallersTransaction
public class Slots {

    private static final Logger LOG = Logger.getLogger(Slots.class.getName());

    @Inject
    SlotStore store;

    @Inject
    Dispatcher dispatcher;

    @Inject
    EngineConfig config;

    /**
     * A delivery of {@code step} of the locked {@code run} asks to execute it.
     *
     * @return true when it may; false when the step now waits for a slot (nothing else to do)
     */
    public boolean take(RunEntity run, Workflow workflow, String step, Instant now) {
        if (workflow.concurrency() == 0) {
            return true;
        }
        store.lock(workflow.name());
        List<SlotDecision.Waiter> waiters = waiters(workflow.name());
        SlotDecision.Verdict verdict = SlotDecision.claim(workflow.concurrency(),
                store.executing(workflow.name(), now), waiters, run.getId(), step, run.getPriority(), now, patience());
        if (verdict instanceof SlotDecision.Verdict.Admit) {
            store.done(run.getId(), step);
            return true;
        }
        store.waitFor(run.getId(), step, workflow.name(), run.getPriority(), now);
        run.expectNothing(); // a step that ends, or the watchdog's look at the limits, wakes it: no polling
        wake(workflow.name(), ((SlotDecision.Verdict.Wait) verdict).wake(), now);
        return false;
    }

    /** A step of {@code workflow} ended (its attempt is finished in this transaction): hand on the free slots. */
    public void released(Workflow workflow, Instant now) {
        if (workflow.concurrency() > 0) {
            handOn(workflow.name(), workflow.concurrency(), now);
        }
    }

    /**
     * The watchdog's look (a slot freed where no step ended: a lease ran out, a step timed out, a run was cancelled):
     * hands on the free slots of the workflow; a workflow that is no longer limited wakes all its waiters.
     */
    public void look(String workflow, int limit, Instant now) {
        handOn(workflow, limit <= 0 ? Integer.MAX_VALUE : limit, now);
    }

    private void handOn(String workflow, int limit, Instant now) {
        store.lock(workflow);
        wake(workflow, SlotDecision.release(limit, store.executing(workflow, now), waiters(workflow), now, patience()),
                now);
    }

    private void wake(String workflow, List<SlotDecision.Waiter> waiters, Instant now) {
        for (SlotDecision.Waiter waiter : waiters) {
            if (dispatcher.wakeStep(waiter.runId(), waiter.step(), waiter.priority())) {
                store.woken(waiter.runId(), waiter.step(), now);
                LOG.fine(() -> "woke step " + waiter.step() + " of run_id=" + waiter.runId() + " for a slot of "
                        + workflow);
            } else {
                store.done(waiter.runId(), waiter.step()); // the run ended or paused: a later delivery waits again
            }
        }
    }

    private List<SlotDecision.Waiter> waiters(String workflow) {
        return store.waits(workflow).stream().map(w -> new SlotDecision.Waiter(w.runId(), w.step(), w.priority(),
                w.since(), w.wokenAt())).toList();
    }

    /** How long a woken step keeps its slot without claiming it: the lease's time to live, then it is woken again. */
    private Duration patience() {
        return config.leaseTtl();
    }
}
