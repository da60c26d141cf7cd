package io.squidmesh.runtime.internal;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The hand-over between a delivery and the transaction that applies its step's outcome (issue 21). Before it
 * applies, a delivery with budget left {@linkplain #offer offers} to run the run's next step itself; the
 * {@link Dispatcher}, asked in that transaction to queue a step of the same run with no delay, {@linkplain #take
 * takes} the offer instead of sending a message, and the delivery {@linkplain #withdraw withdraws} it afterwards to
 * learn whether it has a step to continue with. The transaction then writes to the database alone (a one-phase
 * commit, no message, no broker round trip); the run's progress expectation is still set, so should this node die
 * before the successor is claimed, the watchdog queues it (DESIGN G3).
 * <p>
 * The offer lives in the delivering thread only: work queued by any other thread, or for another run, or later
 * than now, goes through the queue as before.
 */
@ApplicationScoped
public class Continuations {

    private static final ThreadLocal<Offer> OFFERS = new ThreadLocal<>();

    /** What this thread offered, and the step taken, if any. */
    private static final class Offer {
        private final UUID runId;
        private Handed taken;

        Offer(UUID runId) {
            this.runId = runId;
        }
    }

    /**
     * A step handed to the delivering thread, with the trace context a message for it would have carried (the
     * predecessor's span), so the step's span continues its predecessor as across a queue.
     *
     * @param step        the run's next step
     * @param traceParent the context to deliver it in, or null when nothing is traced
     */
    public record Handed(String step, String traceParent) {
    }

    /** This thread will run the run's next step itself if the transaction about to run queues one now. */
    public void offer(UUID runId) {
        OFFERS.set(new Offer(runId));
    }

    /**
     * Called inside the applying transaction instead of queuing {@code step}.
     *
     * @param traceParent the trace context a message for the step would carry
     *
     * @return true when this thread takes the step: queue nothing
     */
    public boolean take(UUID runId, String step, Duration delay, String traceParent) {
        Offer offer = OFFERS.get();
        if (offer == null || offer.taken != null || !offer.runId.equals(runId) || !delay.isZero()) {
            return false;
        }
        offer.taken = new Handed(step, traceParent);
        return true;
    }

    /** Ends the offer; the step taken, if the transaction took one (only meaningful once it committed). */
    public Optional<Handed> withdraw() {
        Offer offer = OFFERS.get();
        OFFERS.remove();
        return offer == null ? Optional.empty() : Optional.ofNullable(offer.taken);
    }
}
