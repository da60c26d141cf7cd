package io.squidmesh.runtime.internal.recovery;

import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.EngineConfig;
import io.squidmesh.runtime.internal.OwnTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The cluster-wide watchdog (DESIGN G3, "nothing strands"). Every {@link EngineConfig#watchdogPeriod()} one node
 * (the holder of the {@code watchdog} row of {@code squid_mesh_locks}; another takes over when it stops renewing)
 * looks for runs that should have moved and did not: queued work overdue by more than the grace (a message lost to
 * a dead-letter queue during a database outage, dropped, or stuck behind a paused queue), or executing work whose
 * lease ran out (its node died). It re-queues what is missing ({@link WatchdogDecision}); deliveries are fenced, so
 * re-queuing work that was merely late is harmless. Each run it re-queued is left alone for the grace, doubled
 * each time that did not help (at most 32 times the grace).
 * <p>
 * The role is not given up at undeployment: calling into the deployment's beans from a destroy callback can hang a
 * deployment that failed to start, and the role lapses on its own after three periods.
 */
@Singleton
@Startup
@DependsOn("NodeRegistry")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Watchdog {

    private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());
    private static final int BATCH = 200;

    @EJB
    WatchdogWork work;

    @Inject
    EngineConfig config;

    @Resource
    TimerService timers;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean failing;

    @PostConstruct
    void start() {
        if (!config.watchdogEnabled()) {
            LOG.warning("Squid Mesh watchdog disabled (" + EngineConfig.WATCHDOG_ENABLED + "=false): runs whose work is"
                    + " lost are not re-queued");
            return;
        }
        long period = config.watchdogPeriod().toMillis();
        timers.createIntervalTimer(period, period, new TimerConfig("squidmesh-watchdog", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        if (!busy.compareAndSet(false, true)) {
            return; // the previous round is still going
        }
        try {
            round();
            if (failing) {
                failing = false;
                LOG.info("Squid Mesh watchdog running again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning(() -> "Squid Mesh watchdog round failed (" + e + "); trying again every "
                        + config.watchdogPeriod().toMillis() + " ms");
            }
        } finally {
            busy.set(false);
        }
    }

    private void round() {
        Duration period = config.watchdogPeriod();
        Instant now = Clocks.now();
        if (!work.acquire(now, now.plus(period.multipliedBy(3))).orThrow()) {
            return; // another node holds the role
        }
        List<UUID> due = work.candidates(now, BATCH).orThrow();
        for (UUID run : due) {
            OwnTransaction<Void> looked = work.look(run);
            if (looked.failed()) {
                LOG.warning(() -> "watchdog could not look at run_id=" + run + ": " + looked.failure());
            }
        }
        OwnTransaction<Void> slots = work.lookAtSlots(now);
        if (slots.failed()) {
            LOG.warning(() -> "watchdog could not look at the concurrency limits: " + slots.failure());
        }
    }
}
