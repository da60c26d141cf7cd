package io.squidmesh.it.runtime;

import io.squidmesh.InvalidPayloadException;
import io.squidmesh.InvalidRunIdException;
import io.squidmesh.InvalidTransitionException;
import io.squidmesh.InvalidTriggerException;
import io.squidmesh.InvalidWorkflowException;
import io.squidmesh.Run;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunPage;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.SquidMesh;
import io.squidmesh.StepAttempt;
import io.squidmesh.StepRun;
import io.squidmesh.StepState;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import io.squidmesh.it.workflows.Probe;
import io.squidmesh.it.workflows.TestWorkflows;
import io.squidmesh.workflow.PayloadViolation;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs from start to end through real JMS deliveries: linear, retries, routes, fan-out/fan-in, waits, cancel. */
@ExtendWith(ArquillianExtension.class)
class RunLifecycleIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(RunLifecycleIT.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    SquidMesh withoutCaller;

    @Test
    void linearRunCompletesWithMappedInputsAndOutputs() {
        Run started = squidMesh.startRun("it_linear", Map.of("account_id", "acc-1"));

        assertEquals(RunStatus.PENDING, started.status());
        assertEquals("load", started.currentStep());
        assertEquals(Map.of("account_id", "acc-1", "team", "backend"), started.payload());
        // the run may already have moved on (its first step is delivered at once): compare what cannot change
        Run inspected = squidMesh.inspectRun(started.id().toString());
        assertEquals(List.of(started.id(), started.workflow(), started.version(), started.trigger(), started.payload(),
                        started.priority(), started.insertedAt()),
                List.of(inspected.id(), inspected.workflow(), inspected.version(), inspected.trigger(), inspected.payload(),
                        inspected.priority(), inspected.insertedAt()));

        Run done = Await.status(squidMesh, started.id().toString(), RunStatus.COMPLETED);
        assertNull(done.currentStep());
        assertNull(done.lastError());
        assertEquals(Map.of("account_id", "acc-1", "step", "load", "attempt", 1), done.context().get("account"));
        assertEquals(Map.of("account", Map.of("account_id", "acc-1", "step", "load", "attempt", 1),
                "team", "backend", "step", "finish", "attempt", 1), done.context().get("result"));
        assertEquals(List.of("load", "note", "finish"), done.stepRuns().stream().map(StepRun::step).toList());
        done.stepRuns().forEach(row -> {
            assertEquals("completed", row.status());
            assertEquals(1, row.attempts().size());
            assertEquals("completed", row.attempts().get(0).status());
        });
        assertEquals(Map.of("account_id", "acc-1"), done.stepRuns().get(0).input());
        assertEquals(List.of("load", "finish"), Probe.executions(started.id().toString()));
        assertEquals(List.of(), done.auditEvents());
    }

    @Test
    void startRejectsUnknownWorkflowTriggerAndInvalidPayloadWithoutWritingARun() {
        long before = squidMesh.listRuns(RunQuery.all().workflow("it_linear").limit(500)).runs().size();

        assertThrows(InvalidWorkflowException.class, () -> squidMesh.startRun("no_such_workflow", Map.of()));
        InvalidTriggerException trigger = assertThrows(InvalidTriggerException.class,
                () -> squidMesh.startRun("it_linear", "nightly", Map.of("account_id", "a")));
        assertEquals("invalid_trigger", trigger.code());

        InvalidPayloadException payload = assertThrows(InvalidPayloadException.class,
                () -> squidMesh.startRun("it_linear", Map.of("team", 7, "extra", true)));
        assertEquals("invalid_payload", payload.code());
        assertEquals(List.of(
                new PayloadViolation("account_id", PayloadViolation.Problem.MISSING, null),
                new PayloadViolation("extra", PayloadViolation.Problem.UNKNOWN, null),
                new PayloadViolation("team", PayloadViolation.Problem.INVALID_TYPE, "string")), payload.violations());
        assertEquals(List.of("account_id"), payload.details().get("missing_fields"));
        assertEquals(List.of("extra"), payload.details().get("unknown_fields"));
        assertEquals(Map.of("team", "string"), payload.details().get("invalid_types"));

        assertEquals(before, squidMesh.listRuns(RunQuery.all().workflow("it_linear").limit(500)).runs().size());
    }

    @Test
    void theApiRefusesCallersWithoutARole() {
        assertThrows(jakarta.ejb.EJBAccessException.class,
                () -> withoutCaller.startRun("it_linear", Map.of("account_id", "intruder")));
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> withoutCaller.listRuns(RunQuery.all()));
    }

    @Test
    void unknownAndMalformedRunIdsAreTold() {
        assertThrows(InvalidRunIdException.class, () -> squidMesh.inspectRun("not-a-uuid"));
        assertThrows(InvalidRunIdException.class, () -> squidMesh.cancelRun("12345"));
        RunNotFoundException missing = assertThrows(RunNotFoundException.class,
                () -> squidMesh.inspectRun(UUID.randomUUID().toString(), true));
        assertEquals("not_found", missing.code());
    }

    @Test
    void retryableFailuresAreRetriedWithBackoffUntilTheStepSucceeds() {
        Instant start = Instant.now();
        Run started = squidMesh.startRun("it_retry", Map.of("failures", 2));
        String id = started.id().toString();

        Run retrying = Await.status(squidMesh, id, RunStatus.RETRYING);
        assertEquals("flaky", retrying.currentStep());
        assertEquals("retry_later", retrying.lastError().get("code"));

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 2_000, "two 1 s backoffs");
        StepRun flaky = done.stepRuns().get(0);
        assertEquals(List.of("failed", "failed", "completed"),
                flaky.attempts().stream().map(a -> a.status()).toList());
        assertEquals(List.of(1, 2, 3), flaky.attempts().stream().map(a -> a.attemptNumber()).toList());
        assertEquals(Map.of("status", "ok", "attempts", 3), done.context().get("probe"));
        assertNull(done.lastError());
        assertEquals(3, Probe.count(id, "flaky"));
    }

    @Test
    void aSubSecondBackoffIsHonouredToTheMillisecond() {
        Run started = squidMesh.startRun("it_quick_retry", Map.of("failures", 2));
        Run done = Await.status(squidMesh, started.id().toString(), RunStatus.COMPLETED);

        List<StepAttempt> attempts = done.stepRuns().get(0).attempts();
        assertEquals(List.of("failed", "failed", "completed"), attempts.stream().map(StepAttempt::status).toList());
        for (int i = 1; i < attempts.size(); i++) {
            // the failure is recorded (updated_at) in the transaction that queues the retry with its 200 ms delay
            long gap = Duration.between(attempts.get(i - 1).updatedAt(), attempts.get(i).insertedAt()).toMillis();
            assertTrue(gap >= 150 && gap < 950, "attempt " + (i + 1) + " came " + gap
                    + " ms after the failure: a 200 ms backoff, not rounded up to a second");
        }
    }

    @Test
    void exhaustedRetriesFailTheRunWithTheLastError() {
        Run started = squidMesh.startRun("it_retry", Map.of("failures", 5));
        Run failed = Await.status(squidMesh, started.id().toString(), RunStatus.FAILED, Duration.ofSeconds(30));
        assertEquals("flaky", failed.currentStep());
        assertEquals("retry_later", failed.lastError().get("code"));
        assertEquals(3, failed.stepRuns().get(0).attempts().size());
    }

    @Test
    void terminalFailureFollowsTheErrorRouteAndRecordsTheRecovery() {
        Run started = squidMesh.startRun("it_error_route", Map.of());
        Run done = Await.status(squidMesh, started.id().toString(), RunStatus.COMPLETED);

        assertNull(done.lastError());
        assertEquals(List.of("charge", "refund"), done.stepRuns().stream().map(StepRun::step).toList());
        StepRun charge = done.stepRuns().get(0);
        assertEquals("failed", charge.status());
        assertEquals(Map.of("message", "card declined", "code", "card_declined", "retryable?", false),
                charge.lastError());
        assertEquals(Map.of("strategy", "compensation", "target", "refund"), charge.recovery().get("failure"));
        assertEquals(1, done.auditEvents().size());
        assertEquals("compensation_routed", done.auditEvents().get(0).type());
        assertEquals(Map.of("target", "refund"), done.auditEvents().get(0).metadata());
    }

    @Test
    void anExceptionInAStepFailsTheRunWithItsClassAndMessage() {
        Run started = squidMesh.startRun("it_failing", Map.of());
        Run failed = Await.status(squidMesh, started.id().toString(), RunStatus.FAILED);

        assertEquals("explode", failed.currentStep());
        assertEquals(Map.of("message", "boom in explode", "exception", IllegalStateException.class.getName(),
                "retryable?", false), failed.lastError());
        assertEquals(List.of("completed", "failed"), failed.stepRuns().stream().map(StepRun::status).toList());
    }

    @Test
    void rootsFanOutAndTheJoinRunsOnceAfterAllOfThem() {
        Run started = squidMesh.startRun("it_fan_out", Map.of("order_id", "o-1"));
        assertNull(started.currentStep());
        String id = started.id().toString();

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertEquals(1, Probe.count(id, "join"));
        assertEquals(Set.of("a", "b", "c"), new HashSet<>(Probe.executions(id).subList(0, 3)));
        assertEquals("join", Probe.executions(id).get(3));
        @SuppressWarnings("unchecked")
        Map<String, Object> joined = (Map<String, Object>) done.context().get("joined");
        assertEquals(Set.of("a", "b", "c", "step", "attempt"), joined.keySet());
        assertEquals(List.of("a", "b", "c", "join"), done.steps().stream().map(StepState::step).toList());
        assertEquals(List.of("a", "b", "c"), done.steps().get(3).dependsOn());
    }

    @Test
    void waitsAndScheduleInDelayTheSuccessor() {
        Instant start = Instant.now();
        Run started = squidMesh.startRun("it_wait", Map.of("delay_seconds", 1));
        String id = started.id().toString();

        Run done = Await.status(squidMesh, id, RunStatus.COMPLETED);
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 2_000,
                "1 s asked by 'before' plus the 10 ms wait rounded up to 1 s");
        assertEquals(List.of("before", "after"), Probe.executions(id));
        assertEquals(List.of("completed", "completed", "completed"),
                done.stepRuns().stream().map(StepRun::status).toList());
    }

    @Test
    void cancellingARunningRunSettlesOnItsNextDeliveryWithoutDispatchingMore() throws Exception {
        Run started = squidMesh.startRun("it_held", Map.of());
        String id = started.id().toString();
        assertTrue(Probe.awaitHeld(started.id(), 30), "the step started");

        Run cancelling = squidMesh.cancelRun(id);
        assertEquals(RunStatus.CANCELLING, cancelling.status());
        assertNull(cancelling.currentStep());
        InvalidTransitionException again = assertThrows(InvalidTransitionException.class, () -> squidMesh.cancelRun(id));
        assertEquals(Map.of("run_id", id, "from", "cancelling", "to", "cancelling"), again.details());

        Probe.open(started.id());
        Run cancelled = Await.status(squidMesh, id, RunStatus.CANCELLED);
        assertEquals(List.of("hold"), cancelled.stepRuns().stream().map(StepRun::step).toList());
        assertEquals("completed", cancelled.stepRuns().get(0).status(), "the in-flight step keeps its real outcome");
        assertEquals(Map.of("gate", "opened"), cancelled.context());
        assertEquals(0, Probe.count(id, "after_hold"));

        InvalidTransitionException terminal = assertThrows(InvalidTransitionException.class,
                () -> squidMesh.cancelRun(id));
        assertEquals("cancelled", terminal.details().get("from"));
    }

    @Test
    void listRunsPagesNewestFirstWithFilters() {
        String workflow = "it_linear";
        for (int i = 0; i < 5; i++) {
            squidMesh.startRun(workflow, Map.of("account_id", "page-" + i));
        }
        RunPage first = squidMesh.listRuns(RunQuery.all().workflow(workflow).limit(2));
        RunPage second = squidMesh.listRuns(RunQuery.all().workflow(workflow).limit(2).after(first.next()));
        assertEquals(2, first.runs().size());
        assertEquals(2, second.runs().size());
        assertTrue(first.runs().get(0).insertedAt().compareTo(first.runs().get(1).insertedAt()) >= 0);
        assertTrue(first.runs().get(1).insertedAt().compareTo(second.runs().get(0).insertedAt()) >= 0);
        assertTrue(java.util.Collections.disjoint(first.runs().stream().map(Run::id).toList(),
                second.runs().stream().map(Run::id).toList()));
        squidMesh.listRuns(RunQuery.all().status(RunStatus.COMPLETED).limit(50)).runs()
                .forEach(r -> assertEquals(RunStatus.COMPLETED, r.status()));
        assertThrows(io.squidmesh.InvalidCursorException.class,
                () -> squidMesh.listRuns(RunQuery.all().after("%%%")));
    }
}
