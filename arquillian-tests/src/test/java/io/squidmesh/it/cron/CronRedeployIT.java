package io.squidmesh.it.cron;

import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.jms.CronScheduler;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same application deployed again (as {@link CronIT} deployed it before or will after, on the same server):
 * persistent timers are kept across the undeploy and reconciled on deploy, so there is still one per trigger.
 */
@ExtendWith(ArquillianExtension.class)
class CronRedeployIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.renamed(TestModules.withWorkflows(CronRedeployIT.class, CronWorkflows.class), "cron.ear");
    }

    @Inject
    CronScheduler scheduler;

    @Test
    void aRedeployedApplicationStillHasOneTimerPerCronTrigger() {
        assertEquals(1, scheduler.timerCount());
        assertEquals(1, scheduler.scheduled().size());
    }
}
