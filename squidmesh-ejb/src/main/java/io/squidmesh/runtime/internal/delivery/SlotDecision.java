package io.squidmesh.runtime.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Who may execute a step of a workflow with a concurrency limit, decided under the workflow's lock from the counts
 * the database holds: the attempts executing now (live leases), and the steps waiting for a slot, in order of run
 * priority (highest first) then age. A waiter that was woken (its delivery queued) holds a slot until it claims it,
 * or until {@code patience} passes without a claim (its message was lost: it is woken again).
 * <p>
 * A delivery is admitted only when a slot is free and no waiter that was not woken ranks ahead of it; otherwise it
 * waits, and the free slots go to the first waiters (which may include itself, woken again at once).
 */
final class SlotDecision {

    /** A step waiting for a slot; {@code wokenAt} null while nobody was asked to deliver it yet. */
    record Waiter(UUID runId, String step, int priority, Instant since, Instant wokenAt) {

        boolean isSelf(UUID run, String name) {
            return runId.equals(run) && step.equals(name);
        }

        boolean wokenRecently(Instant now, Duration patience) {
            return wokenAt != null && wokenAt.plus(patience).isAfter(now);
        }
    }

    /** The order waiters are served in. */
    static final Comparator<Waiter> ORDER = Comparator.comparingInt(Waiter::priority).reversed()
            .thenComparing(Waiter::since).thenComparing(Waiter::runId).thenComparing(Waiter::step);

    sealed interface Verdict {
        /** Execute now; the waiter row of this step (if any) is removed. */
        record Admit() implements Verdict {
        }

        /** Wait (a waiter row is written, or kept), and queue deliveries for {@code wake}. */
        record Wait(List<Waiter> wake) implements Verdict {
        }
    }

    private SlotDecision() {
    }

    /**
     * A delivery of {@code step} of run {@code runId} (priority {@code priority}) asks for a slot.
     *
     * @param limit the workflow's concurrency limit (positive)
     * @param executing the workflow's attempts holding a live lease now
     * @param waiters every waiter of the workflow, this step's own row included if it has one
     */
    static Verdict claim(int limit, long executing, List<Waiter> waiters, UUID runId, String step, int priority,
                         Instant now, Duration patience) {
        Waiter self = waiters.stream().filter(w -> w.isSelf(runId, step)).findFirst()
                .orElse(new Waiter(runId, step, priority, now, null));
        List<Waiter> others = waiters.stream().filter(w -> !w.isSelf(runId, step)).toList();
        long held = executing + others.stream().filter(w -> w.wokenRecently(now, patience)).count();
        long free = limit - held;
        boolean aheadOfSelf = others.stream()
                .anyMatch(w -> !w.wokenRecently(now, patience) && ORDER.compare(w, self) < 0);
        if (free > 0 && !aheadOfSelf) {
            return new Verdict.Admit();
        }
        return new Verdict.Wait(toWake(free, others, now, patience));
    }

    /**
     * Slots may have come free (a step ended, or the watchdog looks): the first waiters not woken recently, as many
     * as there are free slots.
     */
    static List<Waiter> release(int limit, long executing, List<Waiter> waiters, Instant now, Duration patience) {
        long held = executing + waiters.stream().filter(w -> w.wokenRecently(now, patience)).count();
        return toWake(limit - held, waiters, now, patience);
    }

    private static List<Waiter> toWake(long free, List<Waiter> waiters, Instant now, Duration patience) {
        if (free <= 0) {
            return List.of();
        }
        return waiters.stream().filter(w -> !w.wokenRecently(now, patience)).sorted(ORDER).limit(free).toList();
    }
}
