package io.squidmesh.it.deployment;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** Definitions with deliberate mistakes: the deployment that contains them must fail, listing each one. */
public final class BrokenWorkflows {

    private BrokenWorkflows() {
    }

    /** Not a CDI bean: no bean-defining annotation. */
    public static class NotABean implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }

    @ApplicationScoped
    public static class Fine implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }

    @ApplicationScoped
    public static class BrokenGraph implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("broken_graph")
                    .trigger(manual("start").field("amount", STRING))
                    .trigger(manual("again").field("amount", INTEGER))
                    .step("a", Fine.class)
                    .step("b", Fine.class, s -> s.after("a", "ghost"))
                    .transition("a", OK, COMPLETE)
                    .build();
        }
    }

    @ApplicationScoped
    public static class UsesNonBean implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("uses_non_bean")
                    .trigger(manual("start"))
                    .step("only", NotABean.class)
                    .transition("only", OK, COMPLETE)
                    .build();
        }
    }
}
