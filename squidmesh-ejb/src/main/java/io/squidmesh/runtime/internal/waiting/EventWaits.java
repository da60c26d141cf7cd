package io.squidmesh.runtime.internal.waiting;

import io.squidmesh.persistence.RunEntity;
import io.squidmesh.persistence.RunEventEntity;
import io.squidmesh.persistence.RunEventStore;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.runtime.internal.DispatchException;
import io.squidmesh.runtime.internal.Dispatcher;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RuntimeError;
import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.runtime.internal.delivery.Claim;
import io.squidmesh.runtime.internal.delivery.InlineSteps;
import io.squidmesh.runtime.internal.delivery.Prepared;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Deliveries of {@code await_event} steps, decided whole inside the claiming transaction under the run's lock:
 * nothing runs outside it, so such a step needs no lease and holds no thread.
 * <ul>
 *   <li>the oldest event of the step's name in the run's mailbox is taken: the attempt completes with the event's
 *       payload as output and the run moves on, in this transaction (so the event is taken once);</li>
 *   <li>none, and the step's timeout has passed (counted from its attempt's start): the attempt fails with the
 *       non-retryable {@code event_timeout}, and the error route or the run's failure follows;</li>
 *   <li>none yet: the attempt stays {@code running} without a lease, the step row's {@code resume} says what it
 *       waits for, and nothing is queued, except one delivery at the timeout when there is one. A signal queues a
 *       delivery when it finds the run waiting here ({@link RunSignals}).</li>
 * </ul>
 * Every delivery of the step (the first one, a signal's, the timeout's, the watchdog's) takes this same path, so
 * duplicates and races settle under the run lock: whoever comes first with an event in the mailbox takes it.
 */
@ApplicationScoped
@InCallersTransaction
public class EventWaits {

    /** {@code resume.kind} of a step waiting for an event. */
    private static final Duration EARLY = Duration.ofSeconds(1);

    @Inject
    InlineSteps inline;

    @Inject
    RunEventStore events;

    @Inject
    Dispatcher dispatcher;

    /** Whether the step row waits for an event (its attempt running without a lease). */
    public static boolean waits(StepRunEntity row) {
        return waitingFor(row) != null;
    }

    private static StepResume.EventWait waitingFor(StepRunEntity row) {
        return row != null && row.isRunning() && StepResume.read(row.getResume()) instanceof StepResume.EventWait wait
                ? wait : null;
    }

    /** Whether the step row waits for an event and its timeout, if it has one, has not passed at {@code now}. */
    public static boolean waitsInTime(StepRunEntity row, Instant now) {
        StepResume.EventWait wait = waitingFor(row);
        return wait != null && wait.inTime(now);
    }

    /** The event a waiting step row waits for, or null. */
    public static String awaited(StepRunEntity row) {
        StepResume.EventWait wait = waitingFor(row);
        return wait == null ? null : wait.eventName();
    }

    /**
     * A delivery of an {@code await_event} step whose row is not completed; the run is locked and may schedule it.
     *
     * @return what the delivery did: {@code event_received}, {@code event_timeout} or {@code waiting_for_event}
     */
    public Prepared.Done deliver(RunEntity run, Workflow workflow, StepSpec step, StepRunEntity existing,
                          Map<String, Object> state, String deliveryId, Instant now) {
        Claim claim = inline.claim(run, workflow, step, existing, state, deliveryId, now);
        boolean firstLook = !waits(inline.row(claim));

        Optional<RunEventEntity> event = events.oldestWaiting(run.getId(), step.event());
        if (event.isPresent()) {
            event.get().consumeBy(step.name(), now);
            inline.complete(run, claim, event.get().getPayload(), now);
            return new Prepared.Done("event_received");
        }
        Duration timeout = step.eventTimeout();
        Instant timeoutAt = timeout == null ? null : claim.attemptStartedAt().plus(timeout);
        if (timeoutAt != null && !now.isBefore(timeoutAt)) {
            inline.fail(run, claim, timedOut(step, timeout), now);
            return new Prepared.Done("event_timeout");
        }
        inline.waitFor(run, workflow, claim, new StepResume.EventWait(step.event(), claim.attemptStartedAt().toString(),
                timeoutAt == null ? null : timeoutAt.toString()), now);
        if (timeoutAt != null && (firstLook || Duration.between(now, timeoutAt).compareTo(EARLY) < 0)) {
            // the timeout's delivery, queued once; again only when a delivery came just before it was due (the
            // broker's clock and the database's differ a little), so that the timeout is not left to the watchdog
            try {
                dispatcher.enqueueStep(run, step.name(), Duration.between(now, timeoutAt));
            } catch (DispatchException e) {
                inline.fail(run, claim, new RuntimeError.NextStepNotQueued(step.name(), e.reason()).asStepError(),
                        now);
                return new Prepared.Done("event_timeout");
            }
        }
        return new Prepared.Done("waiting_for_event");
    }

    static StepError timedOut(StepSpec step, Duration timeout) {
        return StepError.refused("event " + step.event() + " did not arrive within " + timeout.toMillis() + " ms",
                "reason", "event_timeout", "event", step.event(), "timeout_ms", timeout.toMillis());
    }
}
