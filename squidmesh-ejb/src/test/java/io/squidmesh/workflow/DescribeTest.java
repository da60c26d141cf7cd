package io.squidmesh.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squidmesh.workflow.TestSteps.Noop;
import io.squidmesh.workflow.TestSteps.Other;
import io.squidmesh.workflow.TestSteps.Undo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPENSATION;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.optional;
import static io.squidmesh.workflow.Workflows.today;
import static io.squidmesh.workflow.Workflows.waitFor;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The normalized definition of SPEC §4.10 as {@link Workflow#describe()} renders it. */
class DescribeTest {

    private static final String NOOP = Noop.class.getName();
    private static final String OTHER = Other.class.getName();
    private static final String UNDO = Undo.class.getName();

    private static final Map<String, Object> AUTOMATIC = map("irreversible?", false, "compensatable?", true,
            "replay", "allowed", "recovery", "automatic");

    /** An ordered map that, unlike {@code Map.of}, takes null values. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Workflow transitionWorkflow() {
        return workflow("payment_recovery")
                .description("Recovers a failed payment")
                .trigger(manual("payment_recovery")
                        .field("account_id", STRING)
                        .field("team_id", STRING, defaultValue("backend"))
                        .field("prompt_date", STRING, today())
                        .field("note", STRING, optional()))
                .trigger(cron("nightly", " 0 9 * * 1-5 ", "America/New_York"))
                .step("load_invoice", Noop.class, s -> s.input("account_id").output("invoice"))
                .step("check_gateway", Other.class, s -> s.retry(5, exponential(1_000, 1_000)).compensatable(false))
                .step("announce", log("gateway checked", LogLevel.WARNING))
                .step("cool_down", waitFor(Duration.ofMillis(1_500)))
                .step("issue_credit", Noop.class, s -> s.compensate(Undo.class).transactional())
                .transition("load_invoice", OK, "check_gateway")
                .transition("check_gateway", OK, "announce")
                .transition("check_gateway", ERROR, "issue_credit", COMPENSATION)
                .transition("announce", OK, "cool_down")
                .transition("cool_down", OK, COMPLETE)
                .transition("issue_credit", OK, COMPLETE)
                .build();
    }

    private static Workflow dependencyWorkflow() {
        return workflow("dependency_recovery")
                .trigger(manual("dependency_recovery").field("account_id", STRING))
                .step("prepare_notification", Noop.class,
                        s -> s.after("load_account", "load_invoice").output("notification"))
                .step("load_account", Noop.class, s -> s.output("account"))
                .step("load_invoice", Other.class, s -> s.output("invoice").retry(2))
                .build();
    }

    @Test
    void aTransitionWorkflow() {
        List<Map<String, Object>> fields = List.of(
                map("name", "account_id", "type", "string", "required", true),
                map("name", "team_id", "type", "string", "required", true, "default", "backend"),
                map("name", "prompt_date", "type", "string", "required", true,
                        "default", map("dynamic", "today", "format", "iso8601")),
                map("name", "note", "type", "string", "required", false));
        Map<String, Object> expected = map(
                "workflow", "payment_recovery",
                "version", "1",
                "fingerprint", transitionWorkflow().graph().fingerprint(),
                "description", "Recovers a failed payment",
                "mode", "transitions",
                "triggers", List.of(
                        map("name", "payment_recovery", "type", "manual", "config", map(), "payload", fields),
                        map("name", "nightly", "type", "cron",
                                "config", map("expression", "0 9 * * 1-5", "timezone", "America/New_York"),
                                "payload", List.of())),
                "payload", fields,
                "steps", List.of(
                        map("name", "load_invoice", "kind", "custom", "implementation", NOOP,
                                "options", map("input", List.of("account_id"), "output", "invoice"),
                                "recovery", AUTOMATIC),
                        map("name", "check_gateway", "kind", "custom", "implementation", OTHER,
                                "options", map("retry", map("max_attempts", 5,
                                                "backoff", map("type", "exponential", "min", 1_000, "max", 1_000)),
                                        "compensatable", false),
                                "recovery", map("irreversible?", false, "compensatable?", false,
                                        "replay", "manual_review_required", "recovery", "manual_intervention")),
                        map("name", "announce", "kind", "log",
                                "options", map("message", "gateway checked", "level", "warning"),
                                "recovery", AUTOMATIC),
                        map("name", "cool_down", "kind", "wait", "options", map("duration", 1_500),
                                "recovery", AUTOMATIC),
                        map("name", "issue_credit", "kind", "custom", "implementation", NOOP,
                                "options", map("compensate", UNDO, "transactional", true),
                                "recovery", map("irreversible?", false, "compensatable?", true,
                                        "replay", "allowed", "recovery", "automatic",
                                        "compensation", map("callback", UNDO, "status", "available")))),
                "transitions", List.of(
                        map("from", "load_invoice", "on", "ok", "to", "check_gateway"),
                        map("from", "check_gateway", "on", "ok", "to", "announce"),
                        map("from", "check_gateway", "on", "error", "to", "issue_credit", "recovery", "compensation"),
                        map("from", "announce", "on", "ok", "to", "cool_down"),
                        map("from", "cool_down", "on", "ok", "to", "complete"),
                        map("from", "issue_credit", "on", "ok", "to", "complete")),
                "retries", List.of(map("step", "check_gateway", "max_attempts", 5,
                        "backoff", map("type", "exponential", "min", 1_000, "max", 1_000))),
                "entry_steps", List.of("load_invoice"),
                "initial_step", "load_invoice",
                "entry_step", "load_invoice");

        Map<String, Object> described = transitionWorkflow().describe();
        assertEquals(expected, described);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(described.keySet()));
    }

    @Test
    void aDependencyWorkflow() {
        List<Map<String, Object>> fields = List.of(map("name", "account_id", "type", "string", "required", true));
        Map<String, Object> expected = map(
                "workflow", "dependency_recovery",
                "version", "1",
                "fingerprint", dependencyWorkflow().graph().fingerprint(),
                "mode", "dependencies",
                "triggers", List.of(map("name", "dependency_recovery", "type", "manual", "config", map(),
                        "payload", fields)),
                "payload", fields,
                "steps", List.of(
                        map("name", "load_account", "kind", "custom", "implementation", NOOP,
                                "options", map("output", "account"), "recovery", AUTOMATIC,
                                "depends_on", List.of(), "phase", 0),
                        map("name", "load_invoice", "kind", "custom", "implementation", OTHER,
                                "options", map("output", "invoice", "retry", map("max_attempts", 2)),
                                "recovery", AUTOMATIC, "depends_on", List.of(), "phase", 0),
                        map("name", "prepare_notification", "kind", "custom", "implementation", NOOP,
                                "options", map("output", "notification",
                                        "after", List.of("load_account", "load_invoice")),
                                "recovery", AUTOMATIC,
                                "depends_on", List.of("load_account", "load_invoice"), "phase", 1)),
                "transitions", List.of(),
                "retries", List.of(map("step", "load_invoice", "max_attempts", 2)),
                "entry_steps", List.of("load_account", "load_invoice"),
                "initial_step", "load_account",
                "entry_step", null);

        Map<String, Object> described = dependencyWorkflow().describe();
        assertEquals(expected, described);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(described.keySet()));
    }

    @Test
    void descriptionsRoundTripThroughJackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (Workflow workflow : List.of(transitionWorkflow(), dependencyWorkflow())) {
            Map<String, Object> described = workflow.describe();
            String json = mapper.writeValueAsString(described);
            Map<String, Object> read = mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
            assertEquals(described, read, workflow.name());
        }
    }
}
