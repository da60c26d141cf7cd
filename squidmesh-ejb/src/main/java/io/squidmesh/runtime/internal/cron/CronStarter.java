package io.squidmesh.runtime.internal.cron;

import io.squidmesh.InvalidTriggerException;
import io.squidmesh.persistence.CronActivationStore;
import io.squidmesh.runtime.Work;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunStarter;
import io.squidmesh.runtime.internal.RunState;
import io.squidmesh.runtime.internal.definition.WorkflowRegistry;
import io.squidmesh.workflow.TriggerSpec;
import io.squidmesh.workflow.TriggerType;
import io.squidmesh.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Starts the run of a cron activation (SPEC §6.17): the trigger's defaults are the whole payload, and the
 * schedule facts ({@code workflow}, {@code trigger_name}, {@code cron_expression}, {@code timezone},
 * {@code received_at}, {@code signal_id}, {@code intended_window}) become the run's {@code context.schedule}.
 * <p>
 * An activation with a signal id (given, or derived from a complete window) starts at most one run: the
 * window is recorded under a unique key in the run's transaction, so a duplicate message or a second node's
 * timer for the same window is a logged no-op (DESIGN G6). Without a signal, every activation starts a run,
 * as in the original engine.
 */
@ApplicationScoped
@InCallersTransaction
public class CronStarter {

    @Inject
    WorkflowRegistry registry;

    @Inject
    RunStarter starter;

    @Inject
    CronActivationStore activations;

    private static final Logger LOG = Logger.getLogger(CronStarter.class.getName());

    public void start(Work.Cron activation) {
        String workflowName = activation.workflow();
        String triggerName = activation.trigger();
        Workflow workflow = registry.require(workflowName);
        TriggerSpec trigger = workflow.trigger(triggerName)
                .orElseThrow(() -> new InvalidTriggerException(workflowName, triggerName, "has no trigger " + triggerName));
        if (trigger.type() != TriggerType.CRON) {
            throw new InvalidTriggerException(workflowName, triggerName, "trigger " + triggerName + " is not a cron trigger");
        }
        Map<String, Object> window = activation.window();
        String signal = activation.signalId() != null ? activation.signalId()
                : derivedSignalId(workflowName, triggerName, window);

        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("workflow", workflowName);
        schedule.put("trigger_name", triggerName);
        schedule.put("cron_expression", trigger.cronExpression());
        schedule.put("timezone", trigger.timezone());
        schedule.put("received_at", Clocks.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (signal != null) {
            schedule.put("signal_id", signal);
        }
        if (!window.isEmpty()) {
            schedule.put("intended_window", window);
        }
        if (signal != null) {
            if (!activations.claim(workflowName, triggerName, signal, Clocks.now())) {
                LOG.info(() -> "duplicate cron activation of " + workflowName + "/" + triggerName + " (signal " + signal
                        + ") ignored: that window already started a run");
                return;
            }
            UUID runId = starter.start(workflow, trigger, Map.of(), Map.of(RunState.SCHEDULE, schedule)).id();
            activations.recordRun(workflowName, triggerName, signal, runId);
            return;
        }
        starter.start(workflow, trigger, Map.of(), Map.of(RunState.SCHEDULE, schedule));
    }

    /**
     * {@code sha256:} + base64url (no padding) of SHA-256 over workflow, trigger, start and end, each written
     * as {@code <byte length>:<value>} and joined with {@code |}; null unless both bounds are strings.
     */
    static String derivedSignalId(String workflow, String trigger, Map<String, Object> window) {
        if (!(window.get("start_at") instanceof String start) || !(window.get("end_at") instanceof String end)) {
            return null;
        }
        String joined = List.of(workflow, trigger, start, end).stream()
                .map(part -> part.getBytes(StandardCharsets.UTF_8).length + ":" + part)
                .collect(Collectors.joining("|"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
