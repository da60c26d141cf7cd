package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.runtime.internal.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The hand-over between a delivery and the transaction that applies its step's outcome (issue 21). Before it
 * applies, a delivery with budget left {@linkplain #offer offers} to run the run's next step itself; the
 * {@link Dispatcher}, asked in that transaction to queue a step of the same run with no delay, {@linkplain #take
 * takes} the offer instead of sending a message; the same transaction then claims that step ({@link StepOutcomes}:
 * the attempt, leased to this node, commits with its predecessor's outcome), and the delivery
 * {@linkplain #withdraw withdraws} the offer afterwards to learn whether it has a step to continue with. The
 * transaction writes to the database alone (a one-phase commit, no message, no broker round trip). Should this node
 * die before it executes the step, the attempt's lease lapses as for any step it executes, and the watchdog
 * queues the step again (DESIGN G3).
 * <p>
 * The offer lives in the delivering thread only: work queued by any other thread, or for another run, or later
 * than now, goes through the queue as before.
 */
@ApplicationScoped
public class Continuations {

    private static final ThreadLocal<Offer> OFFERS = new ThreadLocal<>();

    /** What this thread offered, and the step taken and its claim, if any. */
    private static final class Offer {
        private final UUID runId;
        private final String deliveryId;
        private String step;
        private String traceParent;
        private Prepared claim;

        Offer(UUID runId, String deliveryId) {
            this.runId = runId;
            this.deliveryId = deliveryId;
        }
    }

    /**
     * A step handed to the delivering thread: its claim, made in the transaction that handed it over, and the trace
     * context a message for it would have carried (the predecessor's span), so the step's span continues its
     * predecessor as across a queue.
     *
     * @param step        the run's next step
     * @param deliveryId  what the step's attempt records as its delivery
     * @param traceParent the context to deliver it in, or null when nothing is traced
     * @param claim       what claiming it decided ({@link StepPreparation}), or null when it was not claimed
     */
    public record Handed(String step, String deliveryId, String traceParent, Prepared claim) {
    }

    /**
     * This thread will run the run's next step itself if the transaction about to run queues one now.
     *
     * @param deliveryId what the next step's attempt is to record as its delivery
     */
    public void offer(UUID runId, String deliveryId) {
        OFFERS.set(new Offer(runId, deliveryId));
    }

    /**
     * Called inside the applying transaction instead of queuing {@code step}.
     *
     * @param traceParent the trace context a message for the step would carry, asked for only when it is taken
     *
     * @return true when this thread takes the step: queue nothing
     */
    public boolean take(UUID runId, String step, Duration delay, Supplier<String> traceParent) {
        Offer offer = OFFERS.get();
        if (offer == null || offer.step != null || !offer.runId.equals(runId) || !delay.isZero()) {
            return false;
        }
        offer.step = step;
        offer.traceParent = traceParent.get();
        return true;
    }

    /** The step this thread took in the current transaction, if any, and the delivery id its attempt records. */
    Optional<Handed> taken() {
        Offer offer = OFFERS.get();
        return offer == null || offer.step == null ? Optional.empty()
                : Optional.of(new Handed(offer.step, offer.deliveryId, offer.traceParent, offer.claim));
    }

    /** What claiming the taken step decided, in the same transaction. */
    void claimed(Prepared claim) {
        Offer offer = OFFERS.get();
        if (offer == null || offer.step == null) {
            throw new IllegalStateException("no step was handed over to claim");
        }
        offer.claim = claim;
    }

    /** Ends the offer; the step taken, if the transaction took one (only meaningful once it committed). */
    public Optional<Handed> withdraw() {
        Optional<Handed> taken = taken();
        OFFERS.remove();
        return taken;
    }
}
