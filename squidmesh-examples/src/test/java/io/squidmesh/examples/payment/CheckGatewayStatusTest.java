package io.squidmesh.examples.payment;

import io.squidmesh.tools.ToolAdapter;
import io.squidmesh.tools.ToolError;
import io.squidmesh.tools.ToolErrorKind;
import io.squidmesh.tools.ToolResult;
import io.squidmesh.workflow.StepResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How the gateway check maps what the HTTP tool says to a step result, against a stand-in gateway. */
class CheckGatewayStatusTest {

    private static final Map<String, Object> INPUT = Map.of("invoice", Map.of("id", "inv-1"),
            "gateway_url", "http://gateway.test/invoices/inv-1");

    private final List<Map<String, Object>> requests = new ArrayList<>();

    @Test
    void anAnswerBecomesTheGatewayCheckWithBodyAsStatus() {
        ToolAdapter gateway = answering(new ToolResult("fake", Map.of("status", 200, "headers", Map.of(),
                "body", "retry_required", "trailers", Map.of())));

        StepResult result = CheckGatewayStatus.check(gateway, INPUT);

        assertEquals(StepResult.ok(Map.of("status", "retry_required", "invoice_id", "inv-1", "status_code", 200)),
                result);
        assertEquals(List.of(Map.of("method", "GET", "url", "http://gateway.test/invoices/inv-1")), requests);
    }

    @Test
    void aToolErrorIsHandedToTheRetryPolicyAsItsMap() {
        ToolError unavailable = new ToolError("fake", ToolErrorKind.HTTP, "HTTP request failed with status 503",
                Map.of("status", 503, "body", "down"), true);

        StepResult result = CheckGatewayStatus.check(answering(unavailable), INPUT);

        StepResult.Retry retry = (StepResult.Retry) result;
        assertEquals(Map.of("adapter", "fake", "kind", "http", "message", "HTTP request failed with status 503",
                "details", Map.of("status", 503, "body", "down"), "retryable?", true), retry.reason());
        assertNull(retry.retryAfter(), "the step's backoff decides when");
    }

    @Test
    void aBrokenAdapterIsAToolErrorToo() {
        ToolAdapter broken = (request, context) -> {
            throw new IllegalStateException("boom");
        };

        StepResult.Retry retry = (StepResult.Retry) CheckGatewayStatus.check(broken, INPUT);

        assertEquals("adapter_contract", ((Map<?, ?>) retry.reason()).get("kind"));
        assertEquals(false, ((Map<?, ?>) retry.reason()).get("retryable?"));
    }

    private ToolAdapter answering(io.squidmesh.tools.ToolOutcome outcome) {
        return (request, context) -> {
            requests.add(request);
            return outcome;
        };
    }
}
