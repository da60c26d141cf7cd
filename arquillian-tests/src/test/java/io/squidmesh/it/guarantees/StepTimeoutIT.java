package io.squidmesh.it.guarantees;

import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.Probe;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Step timeouts: an attempt that overruns {@code timeout(...)} fails with the retryable {@code step_timeout} and the
 * retry policy applies; the thread running it is interrupted (code that honours it stops), and a result that code
 * returns after the deadline is never recorded, whether it returns before the engine noticed or long after.
 */
@ExtendWith(ArquillianExtension.class)
class StepTimeoutIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(StepTimeoutIT.class, SleepFirst.class, DeafFirst.class, Sleepy.class,
                Busy.class, NoRetry.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    /** Attempt 1 sleeps a minute (interruptible); later attempts return at once. */
    @ApplicationScoped
    public static class SleepFirst implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            if (context.attempt() == 1) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Probe.record(context.runId(), "interrupted");
                    return StepResult.ok(Map.of("late", true));
                }
            }
            return StepResult.ok(Map.of("attempt", context.attempt()));
        }
    }

    /**
     * Attempt 1 is deaf to interrupts: it holds until the test opens the run's gate (long after the engine failed
     * it and the retry completed), then returns a result that must be ignored.
     */
    @ApplicationScoped
    public static class DeafFirst implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            if (context.attempt() == 1) {
                while (true) {
                    try {
                        Probe.hold(context.runId());
                        break;
                    } catch (InterruptedException e) {
                        Probe.record(context.runId(), "interrupt-ignored");
                    }
                }
                Probe.record(context.runId(), "late-return");
                return StepResult.ok(Map.of("late", true));
            }
            return StepResult.ok(Map.of("attempt", context.attempt()));
        }
    }

    @ApplicationScoped
    public static class Sleepy implements WorkflowDefinition {
        @Override
        public Workflow define() {
            // tag::timeout[]
            return workflow("to_sleepy").trigger(manual("to_sleepy"))
                    .step("call", SleepFirst.class, s -> s.output("call").timeout(Duration.ofSeconds(2))
                            .retry(2, exponential(100, 100)))
                    .transition("call", OK, COMPLETE)
                    .build();
            // end::timeout[]
        }
    }

    @ApplicationScoped
    public static class Busy implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("to_busy").trigger(manual("to_busy"))
                    .step("call", DeafFirst.class, s -> s.output("call").timeout(Duration.ofSeconds(1))
                            .retry(2, exponential(100, 100)))
                    .transition("call", OK, COMPLETE)
                    .build();
        }
    }

    @ApplicationScoped
    public static class NoRetry implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow("to_no_retry").trigger(manual("to_no_retry"))
                    .step("call", SleepFirst.class, s -> s.output("call").timeout(Duration.ofSeconds(1)))
                    .transition("call", OK, COMPLETE)
                    .build();
        }
    }

    @Test
    void anAttemptThatOverrunsIsInterruptedFailsWithStepTimeoutAndIsRetried() {
        String id = squidMesh.startRun("to_sleepy", Map.of()).id().toString();
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);

        assertEquals(Map.of("attempt", 2), done.context().get("call"), "the interrupted attempt's result is not kept");
        List<StepAttempt> attempts = attempts(id);
        assertEquals(List.of("failed", "completed"), attempts.stream().map(StepAttempt::status).toList());
        assertEquals("step_timeout", attempts.get(0).error().get("reason"));
        assertEquals(2000, attempts.get(0).error().get("timeout_ms"));
        assertEquals(List.of("interrupted"), Probe.executions(id), "the sleeping thread was interrupted");
        long ran = Duration.between(attempts.get(0).insertedAt(), attempts.get(0).updatedAt()).toMillis();
        assertTrue(ran >= 2000 && ran < 10_000, () -> "attempt 1 ended at its deadline, not later: " + ran + " ms");
    }

    @Test
    void aResultReturnedLongAfterTheDeadlineIsIgnored() {
        String id = squidMesh.startRun("to_busy", Map.of()).id().toString();
        // attempt 1 ignores the interrupt: the watchdog finds the overrun (its lease ends at the deadline) and the
        // next delivery fails it; the retry completes while attempt 1 still holds its thread
        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED, Duration.ofSeconds(90));
        assertEquals(Map.of("attempt", 2), done.context().get("call"));
        assertEquals(List.of("interrupt-ignored"), Probe.executions(id));

        // the deaf attempt returns at last: what it returns is not recorded
        Probe.open(UUID.fromString(id));
        Await.until("the overrunning attempt's result to be refused", StepTimeoutIT::serverLog,
                log -> log.contains("late result ignored (stale_attempt) run_id=" + id + " workflow=to_busy step=call"
                        + " attempt=1"), Duration.ofSeconds(30));
        assertEquals(List.of("interrupt-ignored", "late-return"), Probe.executions(id));
        Run after = squidMesh.inspectRun(id, true);
        assertEquals(done.updatedAt(), after.updatedAt());
        assertEquals(Map.of("attempt", 2), after.context().get("call"));
        List<StepAttempt> attempts = attempts(id);
        assertEquals(List.of("failed", "completed"), attempts.stream().map(StepAttempt::status).toList());
        assertEquals("step_timeout", attempts.get(0).error().get("reason"));
    }

    @Test
    void withoutARetryPolicyATimeoutFailsTheRun() {
        String id = squidMesh.startRun("to_no_retry", Map.of()).id().toString();
        Run failed = Await.status(squidMesh, id, RunStatus.FAILED);
        assertEquals("step_timeout", failed.lastError().get("reason"));
        assertEquals(1, attempts(id).size());
    }

    private static String serverLog() {
        try {
            return Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<StepAttempt> attempts(String id) {
        StepRun call = squidMesh.inspectRun(id, true).stepRuns().stream().filter(r -> "call".equals(r.step()))
                .findFirst().orElseThrow();
        return call.attempts();
    }
}
