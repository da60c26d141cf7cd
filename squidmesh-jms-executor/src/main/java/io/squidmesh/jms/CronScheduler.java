package io.squidmesh.jms;

import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.Executor;
import io.squidmesh.runtime.CronTriggers;
import io.squidmesh.runtime.CronTriggers.Declared;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns the workflows' cron triggers into cron activations (DESIGN §6, SPEC §6.17). Each calendar trigger
 * owns one persistent single-action EJB timer set to its next fire time; when it fires, the scheduler queues
 * {@code Payload.cron} with the window {@code [fire time, the schedule's next time after it)} and sets the timer
 * for the next fire time from now, in the same transaction. Timers survive restarts and redeploys; at startup (and every ten minutes) the
 * scheduler reconciles them so each trigger has exactly one, whatever happened before. {@code @reboot} triggers
 * are queued once at each start, with the start instant as their window.
 * <p>
 * The engine starts at most one run per window (DESIGN G6), so a duplicate tick, or a second node running its
 * own timers, is harmless.
 */
@Singleton
@Startup
@DependsOn("squidmesh-ejb.jar#EngineStartup")
public class CronScheduler {

    private static final Logger LOG = Logger.getLogger(CronScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    CronTriggers triggers;

    @Inject
    Executor executor;

    @PostConstruct
    void start() {
        Instant now = Instant.now();
        for (Declared trigger : triggers.declared()) {
            if (trigger.firesAtStartup()) {
                String at = now.toString();
                executor.enqueueCron(trigger.workflow(), trigger.trigger(), CronOptions.window(at, at));
                LOG.info(() -> "cron " + trigger.key() + " (@reboot) activated at startup");
            }
        }
        reconcile();
    }

    /** Exactly one timer per calendar trigger; none for triggers no longer declared. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void reconcile() {
        Map<String, List<Timer>> existing = new HashMap<>();
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof Tick tick) {
                existing.computeIfAbsent(tick.key(), k -> new ArrayList<>()).add(timer);
            }
        }
        for (Declared trigger : triggers.declared()) {
            if (trigger.firesAtStartup()) {
                continue;
            }
            List<Timer> own = existing.remove(trigger.key());
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
        Optional<Declared> trigger = triggers.declared().stream().filter(t -> t.key().equals(tick.key())).findFirst();
        if (trigger.isEmpty()) {
            return; // the trigger was removed by a redeploy; its timer is single-action and now gone
        }
        Instant firedAt = Instant.ofEpochMilli(tick.fireAtMillis());
        // the window is a function of the schedule alone, so every node's timer names the same window; a timer
        // that fires late (the server was down) activates its own window once, and the next timer skips the rest
        Instant windowEnd = triggers.nextAfter(trigger.get(), firedAt).orElse(firedAt);
        schedule(trigger.get(), firedAt.isAfter(Instant.now()) ? firedAt : Instant.now());
        executor.enqueueCron(tick.workflow(), tick.trigger(), CronOptions.window(firedAt.toString(),
                windowEnd.toString()));
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
                new Tick(trigger.workflow(), trigger.trigger(), next.get().toEpochMilli()), true));
    }

    /** A timer's payload: which trigger, and the fire time it stands for. */
    record Tick(String workflow, String trigger, long fireAtMillis) implements Serializable {
        String key() {
            return workflow + "/" + trigger;
        }
    }
}
