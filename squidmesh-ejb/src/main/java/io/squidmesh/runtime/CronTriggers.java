package io.squidmesh.runtime;

import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.workflow.TriggerSpec;
import io.squidmesh.workflow.TriggerType;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.internal.CronSchedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cron triggers the deployed workflows declare, and when each fires next: what a scheduler needs to turn
 * schedules into cron activations ({@code Executor.enqueueCron}). The JMS executor's scheduler uses it; a host
 * with its own scheduler can too.
 */
@ApplicationScoped
public class CronTriggers {

    /** One declared cron trigger. */
    public record Declared(String workflow, String trigger, String expression, String timezone) {

        /** {@code @reboot}: fires once each time the application starts, not on a calendar. */
        public boolean firesAtStartup() {
            return CronSchedules.isReboot(expression);
        }

        /** A stable key for this trigger, e.g. to tag its timer. */
        public String key() {
            return workflow + "/" + trigger;
        }
    }

    @Inject
    WorkflowRegistry registry;

    public List<Declared> declared() {
        List<Declared> declared = new ArrayList<>();
        for (Workflow workflow : registry.all()) {
            for (TriggerSpec trigger : workflow.triggers()) {
                if (trigger.type() == TriggerType.CRON) {
                    declared.add(new Declared(workflow.name(), trigger.name(), trigger.cronExpression(),
                            trigger.timezone()));
                }
            }
        }
        return declared;
    }

    /** The first fire time strictly after {@code after}, in the trigger's time zone; empty for {@code @reboot}. */
    public Optional<Instant> nextAfter(Declared trigger, Instant after) {
        return CronSchedules.nextAfter(trigger.expression(), ZonedDateTime.ofInstant(after, ZoneId.of(trigger.timezone())))
                .map(ZonedDateTime::toInstant);
    }
}
