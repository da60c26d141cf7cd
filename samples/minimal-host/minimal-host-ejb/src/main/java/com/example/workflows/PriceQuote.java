package com.example.workflows;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** Prices an order line, then logs that the quote is ready. Started by name: "price_quote". */
@ApplicationScoped
public class PriceQuote implements WorkflowDefinition {

    @Override
    public Workflow define() {
        return workflow("price_quote")
                .description("Prices an order line and logs the quote")
                .trigger(manual("price_quote").field("item", STRING).field("quantity", INTEGER))
                .step("compute_quote", ComputeQuote.class, s -> s.output("quote").retry(3, exponential(1_000, 4_000)))
                .step("log_quote", log("quote ready"))
                .transition("compute_quote", OK, "log_quote")
                .transition("log_quote", OK, COMPLETE)
                .build();
    }
}
