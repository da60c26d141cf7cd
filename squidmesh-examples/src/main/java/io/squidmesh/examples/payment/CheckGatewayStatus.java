package io.squidmesh.examples.payment;

import io.squidmesh.tools.HttpTool;
import io.squidmesh.tools.ToolAdapter;
import io.squidmesh.tools.ToolError;
import io.squidmesh.tools.ToolOutcome;
import io.squidmesh.tools.ToolResult;
import io.squidmesh.tools.Tools;
import io.squidmesh.workflow.Schema;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

import static io.squidmesh.workflow.Schema.Type.MAP;
import static io.squidmesh.workflow.Schema.Type.STRING;
import static io.squidmesh.workflow.Schema.field;

/**
 * Asks the payment gateway ({@code gateway_url}) for the invoice's state with one GET through the engine's
 * {@link HttpTool}. The tool never retries by itself: every failure comes back as a {@link ToolError}, which
 * this step hands to the workflow's retry policy, so each attempt is durable and visible in the run.
 */
@ApplicationScoped
public class CheckGatewayStatus implements Step {

    @Inject
    HttpTool http;

    @Override
    public String description() {
        return "Checks gateway state";
    }

    @Override
    public Schema inputSchema() {
        return Schema.of(field("invoice", MAP).required(), field("gateway_url", STRING).required());
    }

    @Override
    public StepResult run(Map<String, Object> input, StepContext context) {
        return check(http, input);
    }

    /** The step's logic against any adapter, so a test can stand in for the gateway. */
    static StepResult check(ToolAdapter gateway, Map<String, Object> input) {
        ToolOutcome outcome = Tools.invoke(gateway, Map.of("method", "GET", "url", input.get("gateway_url")));
        if (outcome instanceof ToolResult result) {
            Map<String, Object> response = result.payload();
            return StepResult.ok(Map.of("status", response.get("body"),
                    "invoice_id", ((Map<?, ?>) input.get("invoice")).get("id"),
                    "status_code", response.get("status")));
        }
        return StepResult.retry(((ToolError) outcome).toMap());
    }
}
