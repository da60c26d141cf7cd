package io.squidmesh.web.request;

import io.squidmesh.InvalidPayloadException;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start and action bodies and query parameters, as the resources turn them into facade arguments. */
class RequestsTest {

    @Test
    void aStartRequestNamesAWorkflowAndMayNameATriggerVersionAndPayload() {
        assertEquals(new StartRequest("w", "nightly", null, Map.of("a", 1)),
                StartRequest.from(Map.of("workflow", "w", "trigger", "nightly", "payload", Map.of("a", 1))));
        assertEquals(new StartRequest("w", null, null, Map.of()), StartRequest.from(Map.of("workflow", "w")));
        assertEquals(new StartRequest("w", null, "2", Map.of()), StartRequest.from(Map.of("workflow", "w", "version", "2")));
    }

    @Test
    void aStartRequestMayNameAPriorityFromZeroToNine() {
        assertEquals(new StartRequest("w", null, null, 9, Map.of()),
                StartRequest.from(Map.of("workflow", "w", "priority", 9)));
        for (Object bad : List.of(10, -1, "9", 4.5)) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> StartRequest.from(Map.of("workflow", "w", "priority", bad)));
            assertEquals("invalid_body", problem.problem().code(), () -> "priority " + bad);
            assertTrue(String.valueOf(problem.problem().extensions()).contains("integer from 0 to 9"),
                    problem.problem()::toString);
        }
    }

    @Test
    void aVersionThatIsNotAStringIsAnInvalidBodyNamingIt() {
        ProblemException version = assertThrows(ProblemException.class,
                () -> StartRequest.from(Map.of("workflow", "w", "version", 2)));
        assertEquals(422, version.problem().status());
        assertEquals("invalid_body", version.problem().code());
        assertTrue(String.valueOf(version.problem().extensions()).contains("version"), version.problem()::toString);
    }

    @Test
    void aMigrateRequestNamesAVersionAndMayNameAStep() {
        assertEquals(new MigrateRequest("2", "ship"), MigrateRequest.from(Map.of("version", "2", "step", "ship")));
        assertEquals(new MigrateRequest("2", null), MigrateRequest.from(Map.of("version", "2")));
        ProblemException step = assertThrows(ProblemException.class,
                () -> MigrateRequest.from(Map.of("version", "2", "step", List.of())));
        assertEquals("invalid_body", step.problem().code());
        assertTrue(String.valueOf(step.problem().extensions()).contains("step"), step.problem()::toString);
    }

    @Test
    void aStartRequestWithoutAWorkflowOrWithABadTriggerIsUnprocessable() {
        assertEquals("invalid_workflow", code(() -> StartRequest.from(Map.of("payload", Map.of()))));
        assertEquals("invalid_workflow", code(() -> StartRequest.from(Map.of("workflow", 7))));
        assertEquals("invalid_workflow", code(() -> StartRequest.from(Map.of("workflow", " "))));
        ProblemException trigger = assertThrows(ProblemException.class,
                () -> StartRequest.from(Map.of("workflow", "w", "trigger", List.of("a"))));
        assertEquals(422, trigger.problem().status());
        assertEquals("invalid_trigger", trigger.problem().code());
    }

    @Test
    void aPayloadThatIsNotAnObjectIsTheEnginesInvalidPayload() {
        Map<String, Object> body = new HashMap<>();
        body.put("workflow", "w");
        body.put("payload", null);
        assertEquals("invalid_payload", assertThrows(InvalidPayloadException.class, () -> StartRequest.from(body)).code());
        assertThrows(InvalidPayloadException.class, () -> StartRequest.from(Map.of("workflow", "w", "payload", "x")));
    }

    @Test
    void anActionKeepsCommentAndMetadataAndIgnoresTheActorItWasSent() {
        ActionRequest action = ActionRequest.from(Map.of("comment", "go", "metadata", Map.of("ticket", "t-1"),
                "actor", "someone_else"));

        assertEquals(Map.of("comment", "go", "metadata", Map.of("ticket", "t-1")), action.attributes());
        assertEquals(Map.of(), ActionRequest.from(Map.of()).attributes());
    }

    @Test
    void anActionWithMistypedFieldsListsEachOne() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ActionRequest.from(Map.of("comment", 5, "metadata", "x")));

        assertEquals(422, e.problem().status());
        assertEquals("invalid_body", e.problem().code());
        assertEquals(List.of(Map.of("field", "comment", "problem", "invalid_type", "expected", "string"),
                Map.of("field", "metadata", "problem", "invalid_type", "expected", "object")),
                e.problem().extensions().get("errors"));
    }

    @Test
    void runQueryParametersBecomeARunQuery() {
        assertEquals(new RunQuery("w", RunStatus.CANCELLING, 2, "cursor", "order-42"),
                QueryParameters.runQuery("w", "cancelling", "2", "cursor", "order-42"));
        assertEquals(RunQuery.all(), QueryParameters.runQuery(null, "", null, "", " "));
        assertEquals(500, QueryParameters.runQuery(null, null, "500", null, null).limit());
    }

    @Test
    void badRunQueryParametersAreNamed() {
        ProblemException status = assertThrows(ProblemException.class,
                () -> QueryParameters.runQuery(null, "sleeping", null, null, null));
        assertEquals(400, status.problem().status());
        assertEquals("invalid_parameter", status.problem().code());
        assertEquals("status", status.problem().extensions().get("parameter"));
        assertEquals("sleeping", status.problem().extensions().get("value"));

        for (String limit : List.of("ten", "0", "501", "-1", "2.5")) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> QueryParameters.runQuery(null, null, limit, null, null), limit);
            assertEquals("limit", e.problem().extensions().get("parameter"));
        }
    }

    @Test
    void flagsAreTrueFalseOrAbsent() {
        assertTrue(QueryParameters.flag("history", "true"));
        assertFalse(QueryParameters.flag("history", "false"));
        assertFalse(QueryParameters.flag("history", null));
        assertEquals("invalid_parameter", code(() -> QueryParameters.flag("history", "yes")));
        assertNull(QueryParameters.runQuery(null, null, null, null, null).status());
    }

    private static String code(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem().code();
    }

    @Test
    void bulkNumbersAreBoundedAndAnyValueOutOfRangeIsNamed() {
        BulkRequest purge = BulkRequest.from(Map.of("older_than_days", 36_500, "chunk_size", 10_000,
                "pause_between_chunks_ms", 60_000), true);
        assertEquals(36_500, purge.olderThan().toDays());
        assertEquals(10_000, purge.options().chunkSize());
        assertEquals(60_000, purge.options().pauseBetweenChunks().toMillis());
        assertEquals(200, BulkRequest.from(Map.of(), false).options().chunkSize());

        for (Object huge : List.of(Long.MAX_VALUE, 2_147_483_648L, 36_501, new java.math.BigInteger("99999999999999999999"), 1.5, "7")) {
            assertEquals(List.of(Map.of("field", "older_than_days", "problem", "invalid_type",
                            "expected", "integer from 0 to 36500")),
                    errors(() -> BulkRequest.from(Map.of("older_than_days", huge), true)), huge::toString);
        }
        assertEquals(List.of(Map.of("field", "chunk_size", "problem", "invalid_type", "expected", "integer from 1 to 10000"),
                        Map.of("field", "pause_between_chunks_ms", "problem", "invalid_type", "expected", "integer from 0 to 60000")),
                errors(() -> BulkRequest.from(Map.of("chunk_size", 2_147_483_648L, "pause_between_chunks_ms", Long.MAX_VALUE), false)));
        assertEquals(List.of(Map.of("field", "chunk_size", "problem", "invalid_type", "expected", "integer from 1 to 10000")),
                errors(() -> BulkRequest.from(Map.of("chunk_size", 0), false)));
        assertEquals(List.of(Map.of("field", "older_than_days", "problem", "missing")),
                errors(() -> BulkRequest.from(Map.of(), true)));
    }

    private static Object errors(org.junit.jupiter.api.function.Executable request) {
        ProblemException e = assertThrows(ProblemException.class, request);
        assertEquals(422, e.problem().status());
        assertEquals("invalid_body", e.problem().code());
        return e.problem().extensions().get("errors");
    }
}
