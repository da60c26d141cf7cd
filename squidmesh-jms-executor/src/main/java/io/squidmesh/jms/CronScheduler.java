package io.squidmesh.jms;

import io.squidmesh.executor.CronOptions;
import io.squidmesh.runtime.CronTriggers;
import io.squidmesh.runtime.CronTriggers.Declared;
import io.squidmesh.runtime.EngineReady;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the workflows' cron triggers into cron activations (DESIGN §6, SPEC §6.17). Each calendar trigger
 * owns one persistent single-action EJB timer set to its next fire time; when it fires, the scheduler queues
 * {@code Payload.cron} with the window {@code [fire time, the schedule's next time after it)} and then sets the
 * timer for the next fire time from now. Timers survive restarts and redeploys; at startup (and every ten minutes)
 * the scheduler reconciles them so each trigger has exactly one, whatever happened before. {@code @reboot}
 * triggers are queued once at each start, with the start instant as their window.
 * <p>
 * The activation is sent in a transaction of its own ({@link CronActivations}), not in the timeout's. Were it
 * sent in the timeout's transaction, a send the broker refuses would roll the next timer back, the container would
 * retry once and then drop the single-action timer that fired, and the trigger would stay silent until the next
 * reconciliation. Instead a refused activation becomes a timer for the same window, retried with a growing delay
 * (one second doubling to a minute), so the trigger keeps exactly one timer and its window is activated late,
 * once, when the broker takes messages again. The timers themselves still change in the timeout's transaction:
 * a crash during the callback leaves the fired timer as it was, to fire again at start-up (a timer store that
 * had already recorded it as in its timeout would never fire it again). A crash after the send and before that
 * commit activates the window a second time, which the engine ignores (at most one run per window, DESIGN G6), as
 * it ignores a second node running its own timers.
 * <p>
 * It starts when the engine says it is ready ({@link EngineReady}): the triggers it reads are the engine's checked
 * definitions. Persistent timers are restored as the deployment starts, so an overdue one may fire before that; it
 * touches nothing of the engine then and comes back for the same window a second later.
 */
@Singleton
public class CronScheduler {

    private static final Logger LOG = Logger.getLogger(CronScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    CronTriggers triggers;

    @Inject
    CronActivations activations;

    /** Whether the engine said it is ready ({@link #start}). */
    private volatile boolean started;

    /**
     * Activates the {@code @reboot} triggers and gives every calendar trigger its timer. Public: CDI calls an
     * enterprise bean's observer as a business method, through the container.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void start(@Observes EngineReady ready) {
        started = true;
        Instant now = Instant.now();
        for (Declared trigger : triggers.declared()) {
            if (trigger.firesAtStartup()) {
                if (activate(new Tick(trigger.workflow(), trigger.trigger(), now.toEpochMilli(), 0), now)) {
                    LOG.info(() -> "cron " + trigger.key() + " (@reboot) activated at startup");
                }
            }
        }
        reconcile();
    }

    /** Exactly one timer per calendar trigger; none for triggers no longer declared. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void reconcile() {
        if (!started) {
            return; // start() reconciles once the engine is ready
        }
        Map<String, List<Timer>> existing = new HashMap<>();
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof Tick tick) {
                existing.computeIfAbsent(tick.key(), k -> new ArrayList<>()).add(timer);
            }
        }
        for (Declared trigger : triggers.declared()) {
            List<Timer> own = existing.remove(trigger.key());
            if (trigger.firesAtStartup()) {
                continue; // its only timers are retries of a refused activation: keep them
            }
            if (own == null || own.isEmpty()) {
                schedule(trigger, Instant.now());
            } else {
                own.subList(1, own.size()).forEach(Timer::cancel);
            }
        }
        existing.values().forEach(stale -> stale.forEach(Timer::cancel));
    }

    @Timeout
    void fire(Timer timer) {
        if (!(timer.getInfo() instanceof Tick tick)) {
            return;
        }
        if (!started) { // restored and overdue while the engine still starts: the same window, a second later
            retryWindow(tick, Duration.ofSeconds(1));
            return;
        }
        Optional<Declared> trigger = triggers.declared().stream().filter(t -> t.key().equals(tick.key())).findFirst();
        if (trigger.isEmpty()) {
            return; // the trigger was removed by a redeploy; its timer is single-action and now gone
        }
        Instant firedAt = Instant.ofEpochMilli(tick.fireAtMillis());
        // the window is a function of the schedule alone, so every node's timer names the same window; a timer
        // that fires late (the server was down, the broker refused) activates its own window once, and the next
        // timer skips the rest
        Instant windowEnd = trigger.get().firesAtStartup() ? firedAt : triggers.nextAfter(trigger.get(), firedAt).orElse(firedAt);
        if (activate(tick, windowEnd) && !trigger.get().firesAtStartup()) {
            schedule(trigger.get(), firedAt.isAfter(Instant.now()) ? firedAt : Instant.now());
        }
    }

    /** Queues the tick's window, or, when the executor refuses, sets a timer to try the same window again. */
    private boolean activate(Tick tick, Instant windowEnd) {
        String start = Instant.ofEpochMilli(tick.fireAtMillis()).toString();
        try {
            activations.queue(tick.workflow(), tick.trigger(), CronOptions.window(start, windowEnd.toString()));
            if (tick.refusals() > 0) {
                LOG.info(() -> "cron " + tick.key() + " window " + start + " activated after " + tick.refusals()
                        + " refusal(s)");
            }
            return true;
        } catch (RuntimeException refused) {
            Tick again = tick.refusedOnceMore();
            Duration wait = again.retryDelay();
            LOG.log(Level.WARNING, refused, () -> "cron " + tick.key() + " window " + start + " not activated ("
                    + refused + "); trying the same window again in " + wait.toMillis() + " ms");
            retryWindow(again, wait);
            return false;
        }
    }

    /** A timer for the same window as {@code tick}, after {@code wait}. */
    private void retryWindow(Tick tick, Duration wait) {
        timers.createSingleActionTimer(Date.from(Instant.now().plus(wait)), new TimerConfig(tick, true));
    }

    /** The triggers' next fire times, as the timers hold them (for operators and tests). */
    public Map<String, Instant> scheduled() {
        Map<String, Instant> scheduled = new HashMap<>();
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof Tick tick) {
                scheduled.merge(tick.key(), Instant.ofEpochMilli(tick.fireAtMillis()), (a, b) -> a);
            }
        }
        return scheduled;
    }

    public int timerCount() {
        return (int) timers.getTimers().stream().filter(t -> t.getInfo() instanceof Tick).count();
    }

    private void schedule(Declared trigger, Instant after) {
        Optional<Instant> next = triggers.nextAfter(trigger, after);
        if (next.isEmpty()) {
            LOG.warning(() -> "cron " + trigger.key() + " (" + trigger.expression() + ") never fires again");
            return;
        }
        timers.createSingleActionTimer(Date.from(next.get()), new TimerConfig(
                new Tick(trigger.workflow(), trigger.trigger(), next.get().toEpochMilli(), 0), true));
    }

    /**
     * A timer's payload: which trigger, the fire time it stands for (the window's start) and how many times the
     * executor refused to queue that window. Timers persisted before {@code refusals} existed read it as 0.
     */
    record Tick(String workflow, String trigger, long fireAtMillis, int refusals) implements Serializable {

        private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
        private static final Duration LAST_RETRY = Duration.ofMinutes(1);

        String key() {
            return workflow + "/" + trigger;
        }

        /** The same window, refused once more. */
        Tick refusedOnceMore() {
            return new Tick(workflow, trigger, fireAtMillis, refusals + 1);
        }

        /** How long to wait before trying again after {@code refusals} refusals: one second, doubling, at most a minute. */
        Duration retryDelay() {
            if (refusals <= 0) {
                return Duration.ZERO;
            }
            int doublings = Math.min(refusals - 1, 6);
            Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
            return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
        }
    }
}
