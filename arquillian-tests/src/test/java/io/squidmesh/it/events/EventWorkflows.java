package io.squidmesh.it.events;

import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.TestSteps;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.awaitEvent;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.waitFor;
import static io.squidmesh.workflow.Workflows.workflow;

/** Workflows that wait for external events, for {@link RunEventsIT}. */
public final class EventWorkflows {

    private EventWorkflows() {
    }

    /** These workflows, the runtime tests' and {@code tests} (in-container test classes and their helpers). */
    static EnterpriseArchive deployment(Class<?>... tests) {
        List<Class<?>> classes = new ArrayList<>(List.of(EventWorkflows.class, Payment.class,
                PaymentWithTimeout.class, EventFirst.class, Deadline.class));
        classes.addAll(List.of(tests));
        return TestModules.withWorkflows(classes.toArray(Class<?>[]::new));
    }

    /** authorise → await payment_confirmed (as {@code payment}) → capture. Waits as long as it takes. */
    @ApplicationScoped
    public static class Payment implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ev_payment")
                    .trigger(manual("ev_payment").field("order_id", STRING))
                    .step("authorise", TestSteps.Echo.class, s -> s.input("order_id").output("authorisation"))
                    .step("await_payment", awaitEvent("payment_confirmed"), s -> s.output("payment"))
                    .step("capture", TestSteps.Echo.class, s -> s.input("payment").output("capture"))
                    .transition("authorise", OK, "await_payment")
                    .transition("await_payment", OK, "capture")
                    .transition("capture", OK, COMPLETE)
                    .build();
        }
    }

    /** await payment_confirmed for 2 s; on timeout the error route voids the payment. */
    @ApplicationScoped
    public static class PaymentWithTimeout implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ev_payment_timeout")
                    .trigger(manual("ev_payment_timeout").field("order_id", STRING))
                    .step("await_payment", awaitEvent("payment_confirmed", Duration.ofSeconds(2)))
                    .step("void_payment", TestSteps.Echo.class, s -> s.input("order_id").output("voided"))
                    .transition("await_payment", OK, COMPLETE)
                    .transition("await_payment", ERROR, "void_payment")
                    .transition("void_payment", OK, COMPLETE)
                    .build();
        }
    }

    /** A 2 s wait before the event wait: an event sent at the start arrives before the step is reached. */
    @ApplicationScoped
    public static class EventFirst implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ev_early")
                    .trigger(manual("ev_early").field("order_id", STRING))
                    .step("settle", waitFor(Duration.ofSeconds(2)))
                    .step("await_go", awaitEvent("go"), s -> s.output("go"))
                    .transition("settle", OK, "await_go")
                    .transition("await_go", OK, COMPLETE)
                    .build();
        }
    }

    /** An event wait of 1 s with no error route: the run fails with event_timeout. */
    @ApplicationScoped
    public static class Deadline implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("ev_deadline")
                    .trigger(manual("ev_deadline").field("order_id", STRING))
                    .step("await_never", awaitEvent("never", Duration.ofSeconds(1)))
                    .transition("await_never", OK, COMPLETE)
                    .build();
        }
    }
}
