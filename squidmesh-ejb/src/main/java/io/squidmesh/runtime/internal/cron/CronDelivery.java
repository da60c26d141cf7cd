package io.squidmesh.runtime.internal.cron;

import io.squidmesh.runtime.DeliveryDeferredException;
import io.squidmesh.runtime.Work;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.workflow.Workflow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * A delivered cron activation, in a transaction of its own: the run it starts, its first work and the window's
 * activation record commit together (DESIGN G6). A workflow or trigger this node does not know is deferred (a
 * rolling upgrade may be under way), not dropped; a trigger that is not a cron trigger is refused.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CronDelivery {

    @Inject
    CronStarter starter;

    @Inject
    WorkflowRegistry registry;

    public void start(Work.Cron activation) {
        String workflow = activation.workflow();
        String trigger = activation.trigger();
        Optional<Workflow> declared = registry.find(workflow);
        if (declared.isEmpty() || declared.get().trigger(trigger).isEmpty()) {
            throw new DeliveryDeferredException(DeliveryDeferredException.Reason.UNKNOWN_WORKFLOW,
                    "cron activation of " + workflow + "/" + trigger + ": " + (declared.isEmpty()
                            ? "workflow " + workflow + " is not deployed on this node"
                            : "workflow " + workflow + " has no trigger " + trigger + " on this node"));
        }
        starter.start(activation);
    }
}
