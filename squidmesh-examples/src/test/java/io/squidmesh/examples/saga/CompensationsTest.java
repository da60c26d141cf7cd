package io.squidmesh.examples.saga;

import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The callbacks read the undone step's output from the compensation input the engine builds. */
class CompensationsTest {

    private static final StepContext CONTEXT = new StepContext(UUID.randomUUID(), "saga_checkout",
            "authorize_payment", 1, Map.of(), true);

    @Test
    void voidingKeepsTheAuthorizationAndMarksItVoided() {
        Map<String, Object> input = Map.of("payload", Map.of(), "context", Map.of(), "failure", Map.of(),
                "step", Map.of("name", "authorize_payment", "input", Map.of(), "output",
                        Map.of("payment_authorization", Map.of("order_id", "o-1", "authorization_id", "auth_o-1",
                                "status", "authorized"))));

        assertEquals(StepResult.ok(Map.of("voided_payment_authorization",
                        Map.of("order_id", "o-1", "authorization_id", "auth_o-1", "status", "voided"))),
                new VoidPaymentAuthorization().run(input, CONTEXT));
    }

    @Test
    void releasingMarksTheReservationReleased() {
        Map<String, Object> input = Map.of("step", Map.of("name", "reserve_inventory",
                "output", Map.of("inventory_reservation", Map.of("order_id", "o-1", "status", "reserved"))));

        assertEquals(StepResult.ok(Map.of("released_inventory", Map.of("order_id", "o-1", "status", "released"))),
                new ReleaseInventory().run(input, CONTEXT));
    }
}
