package io.squidmesh.it.cron;

import io.squidmesh.Run;
import io.squidmesh.RunQuery;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.jms.CronScheduler;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cron under a broker fault (G6, DESIGN §6): while the broker refuses a trigger's activations, its timer must not be
 * lost with the failed transaction. When the broker takes messages again, the first refused window is activated
 * (late, once) and the schedule goes on with exactly one timer per trigger, without waiting for the ten-minute
 * reconciliation.
 */
@ExtendWith(ArquillianExtension.class)
class CronEnqueueFaultIT {

    private static final String WORKFLOW = "it_refused_ticker";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.renamed(TestModules.withWorkflows(CronEnqueueFaultIT.class, CronFaultWorkflows.class,
                RefusedCronEnqueues.class), "cron-fault.ear");
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    CronScheduler scheduler;

    @AfterEach
    void brokerBack() {
        RefusedCronEnqueues.refusing = null;
    }

    @Test
    void aRefusedActivationKeepsTheScheduleAndIsActivatedWhenTheBrokerIsBack() {
        Await.until("a first timer-started run", () -> runs().size(), n -> n >= 1, Duration.ofSeconds(30));

        RefusedCronEnqueues.REFUSED.clear();
        RefusedCronEnqueues.refusing = WORKFLOW;
        // more refusals than the container's own retry of a failed timeout
        Await.until("three refused activations", RefusedCronEnqueues.REFUSED::size, n -> n >= 3, Duration.ofSeconds(30));
        RefusedCronEnqueues.refusing = null;
        Instant back = Instant.now();
        String firstRefused = RefusedCronEnqueues.REFUSED.get(0);

        Await.until("a run of the first refused window " + firstRefused, () -> windows(), w -> w.contains(firstRefused),
                Duration.ofSeconds(30));
        Await.until("a run of a window after the broker came back", () -> windows(),
                w -> w.stream().anyMatch(start -> !Instant.parse(start).isBefore(back)), Duration.ofSeconds(30));
        assertEquals(1, scheduler.timerCount(), "one timer for the one trigger: " + scheduler.scheduled());
        List<String> windows = windows();
        assertEquals(windows.size(), windows.stream().distinct().count(), "one run per window: " + windows);
        assertTrue(scheduler.scheduled().get(WORKFLOW + "/every_2s").isAfter(back), scheduler.scheduled()::toString);
    }

    private List<Run> runs() {
        return squidMesh.listRuns(RunQuery.all().workflow(WORKFLOW).limit(500)).runs();
    }

    @SuppressWarnings("unchecked")
    private List<String> windows() {
        return runs().stream().map(r -> (Map<String, Object>) r.context().get("schedule"))
                .map(s -> (String) ((Map<String, Object>) s.get("intended_window")).get("start_at")).toList();
    }
}
