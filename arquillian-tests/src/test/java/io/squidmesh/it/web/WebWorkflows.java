package io.squidmesh.it.web;

import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.optional;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Workflows only the web tests start, so their assertions can be exact: a run that pauses for an operator
 * (a stable non-terminal state that holds no thread), and one that only the paging test uses.
 */
public final class WebWorkflows {

    private WebWorkflows() {
    }

    /** The web tests' deployment: the reference EAR, the runtime tests' workflows and these. Client-side only. */
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(WebWorkflows.class, Review.class, Paging.class, Failing.class);
    }

    /** prepare → hold_for_ops (pause) → finish; two triggers, the second one named {@code rush}. */
    @ApplicationScoped
    public static class Review implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("web_review")
                    .trigger(manual("review").field("ticket", STRING))
                    .trigger(manual("rush").field("ticket", STRING).field("reason", STRING, optional()))
                    .step("prepare", TestSteps.Echo.class, s -> s.input("ticket").output("prepared"))
                    .step("hold_for_ops", pause())
                    .step("finish", TestSteps.Echo.class)
                    .transition("prepare", OK, "hold_for_ops")
                    .transition("hold_for_ops", OK, "finish")
                    .transition("finish", OK, COMPLETE)
                    .build();
        }
    }

    /** One step that declines for good: the run fails ({@code card_declined}); started only by the overview test. */
    @ApplicationScoped
    public static class Failing implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("web_failing")
                    .trigger(manual("web_failing").field("ticket", STRING))
                    .step("charge", TestSteps.Decline.class)
                    .transition("charge", OK, COMPLETE)
                    .build();
        }
    }

    /** One log step; started only by the paging test, so a listing filtered by it is exactly that test's runs. */
    @ApplicationScoped
    public static class Paging implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("web_paging")
                    .trigger(manual("web_paging").field("n", INTEGER))
                    .step("note", log("paging run"))
                    .transition("note", OK, COMPLETE)
                    .build();
        }
    }
}
