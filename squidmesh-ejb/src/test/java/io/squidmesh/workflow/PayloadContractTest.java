package io.squidmesh.workflow;

import io.squidmesh.json.Json;
import io.squidmesh.workflow.PayloadViolation.Problem;
import io.squidmesh.workflow.TestSteps.Noop;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.squidmesh.workflow.FieldType.ATOM;
import static io.squidmesh.workflow.FieldType.BOOLEAN;
import static io.squidmesh.workflow.FieldType.FLOAT;
import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.LIST;
import static io.squidmesh.workflow.FieldType.MAP;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.now;
import static io.squidmesh.workflow.Workflows.optional;
import static io.squidmesh.workflow.Workflows.required;
import static io.squidmesh.workflow.Workflows.today;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payload fields, defaults and the per-trigger contract checked when a run is created (SPEC §4.2, §4.3). */
class PayloadContractTest {

    /** 2024-05-06 23:30 UTC is already 2024-05-07 in Tokyo: the dynamic defaults must use UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T23:30:00.123456789Z"),
            ZoneId.of("Asia/Tokyo"));

    private static TriggerSpec trigger(TriggerBuilder trigger) {
        return workflow("wf").trigger(trigger).step("a", Noop.class).build().defaultTrigger();
    }

    private static List<PayloadViolation> violations(TriggerSpec trigger, Map<String, Object> provided) {
        return trigger.resolve(provided, CLOCK).violations();
    }

    private static TriggerSpec oneField(FieldType type) {
        return trigger(manual("start").field("value", type));
    }

    private static Map<String, Object> value(Object value) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("value", value);
        return payload;
    }

    private static void accepts(FieldType type, Object value) {
        assertEquals(List.of(), violations(oneField(type), value(value)), type + " should accept " + value);
    }

    private static void rejects(FieldType type, Object value) {
        assertEquals(List.of(new PayloadViolation("value", Problem.INVALID_TYPE, type.value())),
                violations(oneField(type), value(value)), type + " should reject " + value);
    }

    private static List<String> definitionProblems(TriggerBuilder trigger) {
        return assertThrows(WorkflowValidationException.class,
                () -> workflow("wf").trigger(trigger).step("a", Noop.class).build()).problems();
    }

    @Test
    void stringFields() {
        accepts(STRING, "abc");
        accepts(STRING, "");
        rejects(STRING, 123);
        rejects(STRING, true);
    }

    @Test
    void integerFieldsAcceptEveryIntegralType() {
        accepts(INTEGER, 1);
        accepts(INTEGER, 10_000_000_000L);
        accepts(INTEGER, new BigInteger("123456789012345678901234567890"));
        rejects(INTEGER, 1.0);
        rejects(INTEGER, "1");
    }

    @Test
    void floatFieldsRejectIntegers() {
        accepts(FLOAT, 1.5);
        accepts(FLOAT, 1.5f);
        accepts(FLOAT, new BigDecimal("1.5"));
        rejects(FLOAT, 1);
        rejects(FLOAT, 1L);
        rejects(FLOAT, "1.5");
    }

    @Test
    void booleanFields() {
        accepts(BOOLEAN, true);
        accepts(BOOLEAN, false);
        rejects(BOOLEAN, "true");
        rejects(BOOLEAN, 1);
    }

    @Test
    void mapAndListFields() {
        accepts(MAP, Map.of("k", 1));
        accepts(MAP, Map.of());
        rejects(MAP, List.of(1));
        accepts(LIST, List.of(1, 2));
        accepts(LIST, List.of());
        rejects(LIST, Map.of("k", 1));
    }

    @Test
    void atomFieldsAcceptStringsAndNull() {
        accepts(ATOM, "pending");
        accepts(ATOM, null);
        rejects(ATOM, 1);
    }

    /**
     * The Java type a step receives for each field type, as FieldType's Javadoc and docs/authoring.md state it. A
     * payload is stored as JSON and read back with the engine's Jackson configuration before any step sees it, so
     * what matters is the JSON form: numbers come back by size, not by the type they were given as.
     */
    @Test
    void aStepReceivesEachFieldTypeAsTheDocumentedJavaType() {
        assertArrivesAs(Integer.class, 7, arrival(INTEGER, 7L));
        assertArrivesAs(Integer.class, 7, arrival(INTEGER, (short) 7));
        assertArrivesAs(Long.class, 3_000_000_000L, arrival(INTEGER, new BigInteger("3000000000")));
        BigInteger huge = new BigInteger("123456789012345678901234567890");
        assertArrivesAs(BigInteger.class, huge, arrival(INTEGER, huge));
        assertArrivesAs(Double.class, 2.5, arrival(FLOAT, 2.5f));
        assertArrivesAs(Double.class, 12.5, arrival(FLOAT, new BigDecimal("12.50")));
        assertArrivesAs(String.class, "abc", arrival(STRING, "abc"));
        assertArrivesAs(Boolean.class, true, arrival(BOOLEAN, true));
        assertArrivesAs(String.class, "RUNNABLE", arrival(ATOM, Thread.State.RUNNABLE));
        assertNull(arrival(ATOM, null));
        assertArrivesAs(LinkedHashMap.class, Map.of("k", 1), arrival(MAP, Map.of("k", 1L)));
        assertArrivesAs(ArrayList.class, List.of(1, 2.5), arrival(LIST, List.of(1L, 2.5f)));
    }

    /** Through REST the payload is JSON from the start: a float field needs a fraction or an exponent. */
    @Test
    void jsonNumbersAreTypedByTheirLiteral() {
        Map<String, Object> json = Json.readObject(
                "{\"count\": 2, \"price\": 2.0, \"ratio\": 1e3, \"big\": 3000000000}");
        TriggerSpec trigger = trigger(manual("start").field("count", INTEGER).field("price", FLOAT)
                .field("ratio", FLOAT).field("big", INTEGER));
        assertEquals(List.of(), violations(trigger, json));
        assertEquals(List.of(Integer.class, Double.class, Double.class, Long.class),
                json.values().stream().map(Object::getClass).toList());
        assertEquals(List.of(new PayloadViolation("value", Problem.INVALID_TYPE, "float")),
                violations(oneField(FLOAT), Json.readObject("{\"value\": 2}")));
    }

    /** What a step reads for a value accepted for a field of this type: the payload after its JSON round trip. */
    private static Object arrival(FieldType type, Object provided) {
        PayloadResolution resolution = oneField(type).resolve(value(provided), CLOCK);
        assertEquals(List.of(), resolution.violations(), type + " should accept " + provided);
        return Json.readObject(Json.write(resolution.payload())).get("value");
    }

    private static void assertArrivesAs(Class<?> type, Object expected, Object arrived) {
        assertEquals(type, arrived.getClass(), () -> "arrived as " + arrived.getClass().getName());
        assertEquals(expected, arrived);
    }

    /** A provided null is a type error, not a missing field. */
    @Test
    void nullFailsEveryTypeButAtom() {
        for (FieldType type : List.of(STRING, INTEGER, FLOAT, BOOLEAN, MAP, LIST)) {
            rejects(type, null);
        }
    }

    @Test
    void unknownTypeNamesAcceptAnything() {
        TriggerSpec trigger = trigger(manual("start").field("value", "uuid"));
        assertEquals("uuid", trigger.field("value").orElseThrow().type());
        for (Object value : new Object[] {"x", 1, 2.5, false, List.of(), Map.of(), null}) {
            assertEquals(List.of(), violations(trigger, value(value)), "uuid should accept " + value);
        }
    }

    @Test
    void fieldsAreRequiredByDefault() {
        TriggerSpec trigger = trigger(manual("start").field("account_id", STRING));
        assertTrue(trigger.field("account_id").orElseThrow().required());
        assertEquals(List.of(new PayloadViolation("account_id", Problem.MISSING, null)), violations(trigger, Map.of()));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        TriggerSpec trigger = trigger(manual("start").field("note", STRING, optional())
                .field("tag", STRING, required(false)));
        PayloadResolution resolution = trigger.resolve(Map.of(), CLOCK);
        assertTrue(resolution.isValid());
        assertEquals(Map.of(), resolution.payload());
        assertFalse(trigger.field("note").orElseThrow().required());
        assertFalse(trigger.field("tag").orElseThrow().required());
    }

    @Test
    void literalDefaultsFillAbsentFieldsAndCallerValuesWin() {
        TriggerSpec trigger = trigger(manual("start")
                .field("team_id", STRING, defaultValue("backend"))
                .field("limit", INTEGER, defaultValue(10))
                .field("dry_run", BOOLEAN, defaultValue(false)));
        PayloadResolution defaults = trigger.resolve(Map.of(), CLOCK);
        assertTrue(defaults.isValid());
        assertEquals(Map.of("team_id", "backend", "limit", 10, "dry_run", false), defaults.payload());

        PayloadResolution provided = trigger.resolve(Map.of("team_id", "frontend", "dry_run", true), CLOCK);
        assertTrue(provided.isValid());
        assertEquals(Map.of("team_id", "frontend", "limit", 10, "dry_run", true), provided.payload());
    }

    @Test
    void aDefaultDoesNotHideAWrongCallerValue() {
        TriggerSpec trigger = trigger(manual("start").field("limit", INTEGER, defaultValue(10)));
        assertEquals(List.of(new PayloadViolation("limit", Problem.INVALID_TYPE, "integer")),
                violations(trigger, Map.of("limit", "ten")));
    }

    @Test
    void todayIsTheUtcDate() {
        TriggerSpec trigger = trigger(manual("start").field("prompt_date", STRING, today()));
        assertEquals(Map.of("prompt_date", "2024-05-06"), trigger.resolve(Map.of(), CLOCK).payload());
    }

    @Test
    void nowIsTheUtcInstantInIso8601ToTheMicrosecond() {
        TriggerSpec trigger = trigger(manual("start").field("requested_at", STRING, now()));
        assertEquals(Map.of("requested_at", "2024-05-06T23:30:00.123456Z"), trigger.resolve(Map.of(), CLOCK).payload());
        Clock later = Clock.fixed(Instant.parse("2024-12-31T00:00:01.5Z"), ZoneOffset.ofHours(-8));
        assertEquals(Map.of("requested_at", "2024-12-31T00:00:01.500Z"), trigger.resolve(Map.of(), later).payload());
    }

    @Test
    void callerValuesWinOverDynamicDefaults() {
        TriggerSpec trigger = trigger(manual("start").field("prompt_date", STRING, today()));
        assertEquals(Map.of("prompt_date", "2020-01-01"),
                trigger.resolve(Map.of("prompt_date", "2020-01-01"), CLOCK).payload());
    }

    @Test
    void invalidLiteralDefaultsAreRejectedAtDefinitionTime() {
        assertEquals(List.of("payload field name defines an invalid default for type string"),
                definitionProblems(manual("start").field("name", STRING, defaultValue(5))));
        assertEquals(List.of("payload field ratio defines an invalid default for type float"),
                definitionProblems(manual("start").field("ratio", FLOAT, defaultValue(1))));
        assertEquals(List.of("payload field flag defines an invalid default for type boolean"),
                definitionProblems(manual("start").field("flag", BOOLEAN, defaultValue("yes"))));
        assertEquals(List.of("payload field items defines an invalid default for type list"),
                definitionProblems(manual("start").field("items", LIST, defaultValue(Map.of()))));
    }

    @Test
    void dynamicDefaultsAreOnlyForStringFields() {
        assertEquals(List.of("payload field day defines an invalid default for type integer"),
                definitionProblems(manual("start").field("day", INTEGER, today())));
        assertEquals(List.of("payload field at defines an invalid default for type map"),
                definitionProblems(manual("start").field("at", MAP, now())));
        assertEquals(List.of("payload field at defines an invalid default for type uuid"),
                definitionProblems(manual("start").field("at", "uuid", now())));
    }

    @Test
    void missingUnknownAndInvalidTypeAreReportedTogether() {
        TriggerSpec trigger = trigger(manual("start")
                .field("zulu", STRING)
                .field("count", INTEGER)
                .field("alpha", STRING)
                .field("ratio", FLOAT));
        Map<String, Object> provided = new LinkedHashMap<>();
        provided.put("zeta", 1);
        provided.put("ratio", 3);
        provided.put("count", "three");
        provided.put("beta", true);
        PayloadResolution resolution = trigger.resolve(provided, CLOCK);
        assertFalse(resolution.isValid());
        assertEquals(List.of(
                new PayloadViolation("zulu", Problem.MISSING, null),
                new PayloadViolation("alpha", Problem.MISSING, null),
                new PayloadViolation("beta", Problem.UNKNOWN, null),
                new PayloadViolation("zeta", Problem.UNKNOWN, null),
                new PayloadViolation("count", Problem.INVALID_TYPE, "integer"),
                new PayloadViolation("ratio", Problem.INVALID_TYPE, "float")), resolution.violations());
    }

    @Test
    void violationsSerializeWithTheExpectedTypeOnlyForTypeErrors() {
        assertEquals(Map.of("field", "count", "problem", "invalid_type", "expected", "integer"),
                new PayloadViolation("count", Problem.INVALID_TYPE, "integer").toMap());
        assertEquals(Map.of("field", "zeta", "problem", "unknown"),
                new PayloadViolation("zeta", Problem.UNKNOWN, null).toMap());
        assertEquals(Map.of("field", "zulu", "problem", "missing"),
                new PayloadViolation("zulu", Problem.MISSING, null).toMap());
    }

    @Test
    void aTriggerWithoutFieldsAcceptsOnlyAnEmptyPayload() {
        TriggerSpec trigger = trigger(manual("start"));
        assertTrue(trigger.resolve(Map.of(), CLOCK).isValid());
        assertEquals(List.of(new PayloadViolation("anything", Problem.UNKNOWN, null)),
                violations(trigger, Map.of("anything", 1)));
    }

    @Test
    void eachTriggerHasItsOwnContract() {
        Workflow workflow = workflow("digest")
                .trigger(manual("manual_digest").field("channel", STRING).field("digest_date", STRING))
                .trigger(cron("daily_digest", "@daily", "Etc/UTC")
                        .field("channel", STRING, defaultValue("ops"))
                        .field("digest_date", STRING, today()))
                .step("a", Noop.class)
                .build();
        TriggerSpec manual = workflow.trigger("manual_digest").orElseThrow();
        TriggerSpec daily = workflow.trigger("daily_digest").orElseThrow();

        assertEquals(List.of(new PayloadViolation("channel", Problem.MISSING, null),
                new PayloadViolation("digest_date", Problem.MISSING, null)), violations(manual, Map.of()));
        PayloadResolution scheduled = daily.resolve(Map.of(), CLOCK);
        assertTrue(scheduled.isValid());
        assertEquals(Map.of("channel", "ops", "digest_date", "2024-05-06"), scheduled.payload());
        assertTrue(workflow.trigger("weekly_digest").isEmpty());
    }

    @Test
    void theDefaultTriggerIsTheFirstDeclared() {
        Workflow workflow = workflow("wf")
                .trigger(cron("nightly", "@daily", "Etc/UTC"))
                .trigger(manual("by_hand"))
                .step("a", Noop.class)
                .build();
        assertEquals("nightly", workflow.defaultTrigger().name());
        assertEquals(TriggerType.CRON, workflow.defaultTrigger().type());
    }

    @Test
    void theWorkflowPayloadMergesTriggerFieldsAndTheFirstDeclarationWins() {
        Workflow workflow = workflow("wf")
                .trigger(manual("one").field("channel", STRING).field("account_id", STRING))
                .trigger(manual("two").field("channel", STRING, defaultValue("ops")).field("limit", INTEGER, optional()))
                .step("a", Noop.class)
                .build();
        assertEquals(List.of(
                new FieldSpec("channel", "string", true, false, null),
                new FieldSpec("account_id", "string", true, false, null),
                new FieldSpec("limit", "integer", false, false, null)), workflow.payload());
        assertEquals(new FieldSpec("channel", "string", true, true, "ops"),
                workflow.trigger("two").orElseThrow().field("channel").orElseThrow());
    }

    @Test
    void aFieldCannotChangeTypeBetweenTriggers() {
        List<String> problems = assertThrows(WorkflowValidationException.class, () -> workflow("wf")
                .trigger(manual("one").field("limit", INTEGER))
                .trigger(manual("two").field("limit", STRING))
                .trigger(manual("three").field("limit", FLOAT))
                .step("a", Noop.class)
                .build()).problems();
        assertEquals(List.of("payload field limit defines conflicting types across triggers: integer, string, float"),
                problems);
    }
}
