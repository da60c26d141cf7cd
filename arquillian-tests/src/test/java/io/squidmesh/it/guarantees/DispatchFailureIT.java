package io.squidmesh.it.guarantees;

import io.squidmesh.DispatchFailedException;
import io.squidmesh.Run;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.StepRun;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.Probe;
import io.squidmesh.runtime.internal.EngineConfig;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * When the executor refuses work (SPEC §6.4, §6.6, §6.7): a start writes nothing; a refused successor, join
 * or retry fails the run with a structured error in the same transaction, so no run waits for a message
 * that was never sent.
 */
@ExtendWith(ArquillianExtension.class)
class DispatchFailureIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(DispatchFailureIT.class, FaultyExecutor.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @AfterEach
    void acceptAgain() {
        FaultyExecutor.accept();
        System.clearProperty(EngineConfig.CONTINUATION_STEPS);
    }

    @Test
    void aRefusedStartLeavesNoRun() {
        long before = count("it_linear");
        FaultyExecutor.refuse(what -> what.equals("step:load"));

        DispatchFailedException e = assertThrows(DispatchFailedException.class,
                () -> squidMesh.startRun("it_linear", Map.of("account_id", "refused")));
        assertEquals("dispatch_failed", e.code());
        assertEquals(Map.of("reason", "executor_unavailable"), e.details());
        assertEquals(before, count("it_linear"));
    }

    @Test
    void aRefusedFanOutAtStartLeavesNoRunAndNoRows() {
        long before = count("it_fan_out");
        FaultyExecutor.refuse(what -> what.startsWith("steps:"));

        assertThrows(DispatchFailedException.class, () -> squidMesh.startRun("it_fan_out", Map.of("order_id", "x")));
        assertEquals(before, count("it_fan_out"));
    }

    @Test
    void aRefusedSuccessorFailsTheRunAtThatStep() {
        // the successor must be queued for the executor to refuse it: no delivery continues with it in its thread
        System.setProperty(EngineConfig.CONTINUATION_STEPS, "1");
        FaultyExecutor.refuse(what -> what.equals("step:finish"));
        Run run = squidMesh.startRun("it_linear", Map.of("account_id", "successor"));

        Run failed = Await.status(squidMesh, run.id().toString(), RunStatus.FAILED);
        assertEquals("finish", failed.currentStep());
        assertEquals(Map.of("message", "failed to dispatch workflow step", "next_step", "finish",
                "cause", "executor_unavailable"), failed.lastError());
        assertEquals(List.of("load", "note"), failed.stepRuns().stream().map(StepRun::step).toList());
        assertEquals(Map.of("account_id", "successor", "step", "load", "attempt", 1), failed.context().get("account"),
                "the completed steps' outputs are kept in the context");
    }

    @Test
    void aRefusedJoinFailsTheRunAndLeavesNoPendingJoinRow() {
        FaultyExecutor.refuse(what -> what.equals("step:join"));
        Run run = squidMesh.startRun("it_fan_out", Map.of("order_id", "join"));

        Run failed = Await.status(squidMesh, run.id().toString(), RunStatus.FAILED);
        assertNull(failed.currentStep());
        assertEquals("failed to dispatch workflow step", failed.lastError().get("message"));
        assertEquals(List.of("join"), failed.lastError().get("next_steps"));
        assertEquals("executor_unavailable", failed.lastError().get("dispatch_reason"));
        assertEquals(List.of("a", "b", "c"), failed.stepRuns().stream().map(StepRun::step).sorted().toList());
        assertEquals(0, Probe.count(run.id().toString(), "join"));
        assertEquals(3, ((Map<?, ?>) failed.context()).size(), "every root's output is preserved");
    }

    @Test
    void aRefusedRetryFailsTheRunWithTheStepErrorAndTheReason() {
        AtomicInteger dispatches = new AtomicInteger();
        FaultyExecutor.refuse(what -> what.equals("step:flaky") && dispatches.incrementAndGet() > 1); // not the first
        Run run = squidMesh.startRun("it_retry", Map.of("failures", 3));

        Run failed = Await.status(squidMesh, run.id().toString(), RunStatus.FAILED);
        assertEquals("flaky", failed.currentStep());
        assertEquals("failed to dispatch workflow step", failed.lastError().get("message"));
        assertEquals("flaky", failed.lastError().get("failed_step"));
        assertEquals("retry_later", ((Map<?, ?>) failed.lastError().get("cause")).get("code"));
        assertEquals("executor_unavailable", failed.lastError().get("dispatch_reason"));
        assertEquals(1, failed.stepRuns().get(0).attempts().size());
    }

    @Test
    void aRefusedResumeLeavesTheRunPausedAndItsStepWaiting() {
        Run run = squidMesh.startRun("it_approval", Map.of("account_id", "refused"));
        String id = run.id().toString();
        Await.status(squidMesh, id, RunStatus.PAUSED);
        FaultyExecutor.refuse(what -> what.equals("step:record_approval"));

        DispatchFailedException refused = assertThrows(DispatchFailedException.class,
                () -> squidMesh.approveRun(id, io.squidmesh.ManualAction.by("ops")));
        assertEquals("executor_unavailable", refused.details().get("reason"));
        Run after = squidMesh.inspectRun(id, true);
        assertEquals(RunStatus.PAUSED, after.status());
        assertEquals("wait_for_approval", after.currentStep());
        assertEquals("running", after.stepRuns().get(0).status());
        assertEquals(List.of("running"), after.stepRuns().get(0).attempts().stream().map(a -> a.status()).toList());
        assertEquals(List.of("paused"), after.auditEvents().stream().map(e -> e.type()).toList());

        FaultyExecutor.accept();
        squidMesh.approveRun(id, io.squidmesh.ManualAction.by("ops"));
        Await.status(squidMesh, id, RunStatus.COMPLETED);
    }

    private long count(String workflow) {
        return squidMesh.listRuns(RunQuery.all().workflow(workflow).limit(500)).runs().size();
    }
}
