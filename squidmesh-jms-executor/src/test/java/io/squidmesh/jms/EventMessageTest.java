package io.squidmesh.jms;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventMessageTest {

    @Test
    void aMessageNamesItsRunByIdOrByWorkflowAndKey() {
        EventMessage byId = EventMessage.read(Map.of("run_id", "r-1", "event", "paid",
                "payload", Map.of("amount", 3), "idempotency_key", "psp-1")).message();
        assertEquals(new EventMessage("r-1", null, null, "paid", Map.of("amount", 3), "psp-1"), byId);
        assertEquals("psp-1", byId.idempotencyKeyOr("ID:42"));

        EventMessage byKey = EventMessage.read(Map.of("workflow", "payment_webhook", "key", "order-42",
                "event", "paid")).message();
        assertEquals(new EventMessage(null, "payment_webhook", "order-42", "paid", Map.of(), null), byKey);
        assertEquals("jms:ID:42", byKey.idempotencyKeyOr("ID:42"), "a redelivered message counts once");
    }

    @Test
    void aBodyThatIsNoEventMessageIsToldApartNamingTheMember() {
        assertEquals("member event is missing", problem(Map.of("run_id", "r-1")));
        assertEquals("member event must be a string", problem(Map.of("run_id", "r-1", "event", 7)));
        assertEquals("member run_id must be a string", problem(Map.of("run_id", List.of(), "event", "e")));
        assertEquals("member payload must be an object", problem(Map.of("run_id", "r", "event", "e",
                "payload", "x")));
        String naming = "the run must be named by run_id, or by workflow and key (not both)";
        assertEquals(naming, problem(Map.of("event", "e")));
        assertEquals(naming, problem(Map.of("event", "e", "workflow", "w")));
        assertEquals(naming, problem(Map.of("event", "e", "run_id", "r", "workflow", "w", "key", "k")));
        Map<String, Object> nullPayload = new LinkedHashMap<>();
        nullPayload.put("run_id", "r");
        nullPayload.put("event", "e");
        nullPayload.put("payload", null);
        assertEquals(Map.of(), EventMessage.read(nullPayload).message().payload());
    }

    private static String problem(Map<String, Object> body) {
        EventMessage.Result result = EventMessage.read(body);
        assertNull(result.message());
        return result.problem();
    }
}
