package io.squidmesh.workflow;

import io.squidmesh.workflow.TestSteps.Noop;
import io.squidmesh.workflow.TestSteps.Other;
import io.squidmesh.workflow.TestSteps.Undo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.squidmesh.workflow.FieldType.INTEGER;
import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.ERROR;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.UNDO;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.pause;
import static io.squidmesh.workflow.Workflows.today;
import static io.squidmesh.workflow.Workflows.trigger;
import static io.squidmesh.workflow.Workflows.awaitEvent;
import static io.squidmesh.workflow.Workflows.childRun;
import static io.squidmesh.workflow.Workflows.detachedChildRun;
import static io.squidmesh.workflow.Workflows.waitFor;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One definition per validation message (SPEC §4.9 plus the Java port's extras). Each builds the
 * smallest otherwise-valid workflow with exactly one mistake and expects exactly the listed problems.
 */
class DefinitionValidationTest {

    /** Valid: one manual trigger, one step, which is the entry step. */
    private static WorkflowBuilder transitionBase() {
        return workflow("wf").trigger(manual("start"));
    }

    /** Valid once a step {@code a} and {@code b after a} are added. */
    private static WorkflowBuilder dependencyBase() {
        return workflow("wf").trigger(manual("start"))
                .step("a", Noop.class)
                .step("b", Noop.class, s -> s.after("a"));
    }

    private static List<String> problems(WorkflowBuilder builder) {
        return assertThrows(WorkflowValidationException.class, builder::build).problems();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Step> notAStep() {
        return (Class<? extends Step>) (Class<?>) String.class;
    }

    @Test
    void theBaseDefinitionsAreValid() {
        Workflow transitions = transitionBase().step("a", Noop.class).build();
        assertEquals("a", transitions.entryStep());
        Workflow dependencies = dependencyBase().build();
        assertEquals(List.of("a"), dependencies.entrySteps());
    }

    @Nested
    class TriggersAndPayload {

        @Test
        void atLeastOneTrigger() {
            assertEquals(List.of("at least one trigger is required"),
                    problems(workflow("wf").step("a", Noop.class)));
        }

        @Test
        void duplicateTriggerNames() {
            assertEquals(List.of("duplicate trigger names: start"),
                    problems(workflow("wf").trigger(manual("start")).trigger(cron("start", "@daily", "Etc/UTC"))
                            .step("a", Noop.class)));
        }

        @Test
        void conflictingFieldTypesAcrossTriggers() {
            assertEquals(List.of("payload field amount defines conflicting types across triggers: string, integer"),
                    problems(workflow("wf")
                            .trigger(manual("one").field("amount", STRING))
                            .trigger(manual("two").field("amount", INTEGER))
                            .step("a", Noop.class)));
        }

        @Test
        void triggerWithoutAType() {
            assertEquals(List.of("trigger start must define exactly one type"),
                    problems(workflow("wf").trigger(trigger("start")).step("a", Noop.class)));
        }

        @Test
        void triggerWithTwoTypes() {
            assertEquals(List.of("trigger start must define exactly one type"),
                    problems(workflow("wf").trigger(trigger("start").manual().cron("@daily", "Etc/UTC"))
                            .step("a", Noop.class)));
        }

        @Test
        void unsupportedTriggerType() {
            assertEquals(List.of("trigger start defines unsupported type webhook"),
                    problems(workflow("wf").trigger(trigger("start").type("webhook")).step("a", Noop.class)));
        }

        @Test
        void cronWithoutTimezone() {
            assertEquals(List.of("trigger nightly must define a cron expression and timezone"),
                    problems(workflow("wf").trigger(cron("nightly", "@daily", null)).step("a", Noop.class)));
        }

        @Test
        void cronWithBlankExpression() {
            assertEquals(List.of("trigger nightly must define a cron expression and timezone"),
                    problems(workflow("wf").trigger(cron("nightly", "  ", "Etc/UTC")).step("a", Noop.class)));
        }

        @Test
        void invalidCronExpression() {
            assertEquals(List.of("trigger nightly defines an invalid cron expression 61 * * * *: "
                            + "Failed to parse cron expression. Value 61 not in range [0, 59]"),
                    problems(workflow("wf").trigger(cron("nightly", "61 * * * *", "Etc/UTC")).step("a", Noop.class)));
        }

        @Test
        void unknownTimezone() {
            assertEquals(List.of("trigger nightly defines an unknown timezone Mars/Olympus_Mons"),
                    problems(workflow("wf").trigger(cron("nightly", "@daily", "Mars/Olympus_Mons"))
                            .step("a", Noop.class)));
        }

        @Test
        void invalidLiteralDefault() {
            assertEquals(List.of("payload field retries defines an invalid default for type integer"),
                    problems(transitionBase().trigger(manual("other").field("retries", INTEGER, defaultValue("three")))
                            .step("a", Noop.class)));
        }

        @Test
        void dynamicDefaultOnANonStringField() {
            assertEquals(List.of("payload field day defines an invalid default for type integer"),
                    problems(workflow("wf").trigger(manual("start").field("day", INTEGER, today()))
                            .step("a", Noop.class)));
        }

        @Test
        void duplicateFieldInATrigger() {
            assertEquals(List.of("trigger start declares payload field account_id more than once"),
                    problems(workflow("wf").trigger(manual("start").field("account_id", STRING)
                            .field("account_id", STRING)).step("a", Noop.class)));
        }

        @Test
        void blankTriggerName() {
            assertEquals(List.of("trigger names must be non-empty strings"),
                    problems(workflow("wf").trigger(manual(" ")).step("a", Noop.class)));
        }

        @Test
        void nullTriggerName() {
            assertEquals(List.of("trigger names must be non-empty strings"),
                    problems(workflow("wf").trigger(manual(null)).step("a", Noop.class)));
        }

        @Test
        void blankWorkflowName() {
            assertEquals(List.of("workflow name must be a non-empty string"),
                    problems(workflow(" ").trigger(manual("start")).step("a", Noop.class)));
        }
    }

    @Nested
    class Steps {

        @Test
        void atLeastOneStep() {
            assertEquals(List.of("at least one step is required"), problems(transitionBase()));
        }

        @Test
        void duplicateStepNames() {
            assertEquals(List.of("duplicate step names: a"),
                    problems(transitionBase().step("a", Noop.class).step("a", Other.class)));
        }

        @Test
        void blankStepName() {
            assertEquals(List.of("step names must be non-empty strings"),
                    problems(transitionBase().step("", Noop.class)));
        }

        @Test
        void nullStepNameIsReportedEvenOnAnApprovalStepWithTransitions() {
            assertEquals(List.of("step names must be non-empty strings"),
                    problems(transitionBase()
                            .approval(null)
                            .step("done", Noop.class)
                            .transition(null, OK, "done")
                            .transition(null, ERROR, "done")
                            .transition("done", OK, COMPLETE)));
        }

        @Test
        void reservedStepName() {
            assertEquals(List.of("step __complete__ uses a reserved name (names starting with __ are the engine's)"),
                    problems(transitionBase().step("__complete__", Noop.class)));
        }

        @Test
        void implementationMustBeAStep() {
            assertEquals(List.of("step a must be implemented by a class that implements io.squidmesh.workflow.Step"),
                    problems(transitionBase().step("a", notAStep())));
        }

        @Test
        void builtInCannotDeclareATransaction() {
            assertEquals(List.of("built-in step w cannot declare a :transaction boundary"),
                    problems(transitionBase().step("w", waitFor(Duration.ofSeconds(1)), s -> s.transactional())));
        }

        @Test
        void waitNeedsAPositiveDuration() {
            assertEquals(List.of("built-in step w requires a positive :duration option"),
                    problems(transitionBase().step("w", waitFor(Duration.ZERO))));
            assertEquals(List.of("built-in step w requires a positive :duration option"),
                    problems(transitionBase().step("w", waitFor(Duration.ofMillis(-5)))));
            assertEquals(List.of("built-in step w requires a positive :duration option"),
                    problems(transitionBase().step("w", waitFor(Duration.ofSeconds(1)), s -> s.option("duration", 0))));
        }

        @Test
        void awaitEventNeedsAnEventNameAndAPositiveTimeout() {
            assertEquals(List.of("built-in step e requires a non-empty :event option"),
                    problems(transitionBase().step("e", awaitEvent(" "))));
            assertEquals(List.of("built-in step e defines an :event name that is not 255 characters at most "
                            + "without surrounding blanks"),
                    problems(transitionBase().step("e", awaitEvent(" paid"))));
            assertEquals(List.of("built-in step e defines a :timeout that is not positive"),
                    problems(transitionBase().step("e", awaitEvent("paid", Duration.ZERO))));
            assertEquals(List.of("built-in step e defines a :timeout that is not positive"),
                    problems(transitionBase().step("e", awaitEvent("paid"), s -> s.option("timeout", -1))));
            assertEquals("e", transitionBase().step("e", awaitEvent("paid", Duration.ofMinutes(5))).build().entryStep());
        }

        @Test
        void aRunDeadlineIsPositiveAndDescribed() {
            assertEquals(List.of("workflow deadline must be a positive duration"),
                    problems(transitionBase().deadline(Duration.ofSeconds(-1)).step("a", Noop.class)));
            Workflow timed = transitionBase().deadline(Duration.ofMinutes(5)).step("a", Noop.class).build();
            assertEquals(Duration.ofMinutes(5), timed.deadline());
            assertEquals(300_000, timed.describe().get("deadline_ms"));
            assertEquals(null, transitionBase().step("a", Noop.class).build().describe().get("deadline_ms"));
            assertEquals(List.of("workflow deadline route targets unknown step nowhere"),
                    problems(transitionBase().deadline(Duration.ofMinutes(1), "nowhere").step("a", Noop.class)));
            // the route's step is reached when the deadline passes: it is no second entry step
            Workflow routed = transitionBase().deadline(Duration.ofMinutes(1), "give_up")
                    .step("a", Noop.class).step("give_up", Noop.class)
                    .transition("a", OK, COMPLETE).transition("give_up", OK, COMPLETE).build();
            assertEquals("give_up", routed.deadlineRoute());
            assertEquals("a", routed.entryStep());
            assertEquals("give_up", routed.describe().get("deadline_route"));
        }

        @Test
        void aStepTimeoutIsPositiveAndOnlyForCustomAndEventSteps() {
            assertEquals(List.of("step a defines a :timeout that is not positive"),
                    problems(transitionBase().step("a", Noop.class, s -> s.timeout(Duration.ZERO))));
            assertEquals(List.of("built-in step l cannot declare a :timeout (only custom and await_event steps can)"),
                    problems(transitionBase().step("l", log("x"), s -> s.timeout(Duration.ofSeconds(1)))));
            StepSpec timed = transitionBase().step("a", Noop.class, s -> s.timeout(Duration.ofSeconds(30))).build()
                    .step("a").orElseThrow();
            assertEquals(Duration.ofSeconds(30), timed.timeout());
            assertEquals(30_000, ((java.util.Map<?, ?>) timed.toMap().get("options")).get("timeout"));
        }

        @Test
        void aChildRunStepNeedsAWorkflowAndWaitsUnlessDetached() {
            assertEquals(List.of("built-in step c requires a non-empty :workflow option"),
                    problems(transitionBase().step("c", childRun(""))));
            assertEquals(List.of("built-in step c defines a :wait option that is not true or false"),
                    problems(transitionBase().step("c", childRun("shipment"), s -> s.option("wait", "yes"))));
            StepSpec waits = transitionBase().step("c", childRun("shipment")).build().step("c").orElseThrow();
            assertEquals(StepKind.CHILD_RUN, waits.kind());
            assertEquals("child_run", waits.kind().value());
            assertEquals("shipment", waits.childWorkflow());
            assertEquals(true, waits.waitsForChild());
            assertEquals(java.util.Map.of("workflow", "shipment", "wait", true), waits.toMap().get("options"));
            StepSpec detached = transitionBase().step("c", detachedChildRun("shipment")).build().step("c")
                    .orElseThrow();
            assertEquals(false, detached.waitsForChild());
        }

        @Test
        void anAwaitEventStepDescribesItsEventAndTimeout() {
            Workflow workflow = transitionBase().step("e", awaitEvent("paid", Duration.ofSeconds(90)),
                    s -> s.output("payment")).build();
            StepSpec step = workflow.step("e").orElseThrow();
            assertEquals(StepKind.AWAIT_EVENT, step.kind());
            assertEquals("await_event", step.kind().value());
            assertEquals("paid", step.event());
            assertEquals(Duration.ofSeconds(90), step.eventTimeout());
            assertEquals(java.util.Map.of("event", "paid", "timeout", 90_000, "output", "payment"),
                    step.toMap().get("options"));
            assertEquals(null, transitionBase().step("e", awaitEvent("paid")).build().step("e").orElseThrow()
                    .eventTimeout());
        }

        @Test
        void logNeedsAMessage() {
            assertEquals(List.of("built-in step l requires a non-empty :message option"),
                    problems(transitionBase().step("l", log("  "))));
            assertEquals(List.of("built-in step l requires a non-empty :message option"),
                    problems(transitionBase().step("l", log(null))));
        }

        @Test
        void logLevelMustBeKnown() {
            assertEquals(List.of("built-in step l defines unsupported :level"),
                    problems(transitionBase().step("l", log("hello"), s -> s.option("level", "verbose"))));
        }

        @Test
        void dependencyWorkflowsCannotPause() {
            assertEquals(List.of("dependency-based workflows cannot declare built-in :pause steps"),
                    problems(dependencyBase().step("p", pause())));
        }

        @Test
        void dependencyWorkflowsCannotAskForApproval() {
            assertEquals(List.of("dependency-based workflows cannot declare built-in :approval steps"),
                    problems(dependencyBase().approval("review")));
        }

        @Test
        void approvalNeedsBothTransitions() {
            assertEquals(List.of("approval step review must define both :ok and :error transitions"),
                    problems(transitionBase()
                            .approval("review")
                            .step("done", Noop.class)
                            .transition("review", OK, "done")
                            .transition("done", OK, COMPLETE)));
        }

        @Test
        void pauseNeedsAnOkTransition() {
            // the original engine accepted this and failed only when a run paused there (SPEC §18.9)
            assertEquals(List.of("pause step hold must define an :ok transition"),
                    problems(transitionBase()
                            .step("start", Noop.class)
                            .step("hold", Workflows.pause())
                            .transition("start", OK, "hold")));
        }

        @Test
        void invalidInputMapping() {
            assertEquals(List.of("step a defines an invalid :input mapping"),
                    problems(transitionBase().step("a", Noop.class, s -> s.input())));
            assertEquals(List.of("step a defines an invalid :input mapping"),
                    problems(transitionBase().step("a", Noop.class, s -> s.option("input", "account_id"))));
        }

        @Test
        void invalidOutputMapping() {
            assertEquals(List.of("step a defines an invalid :output mapping"),
                    problems(transitionBase().step("a", Noop.class, s -> s.option("output", 42))));
            assertEquals(List.of("step a defines an invalid :output mapping"),
                    problems(transitionBase().step("a", Noop.class, s -> s.output(" "))));
        }

        @Test
        void invalidTransactionBoundary() {
            assertEquals(List.of("step a defines an invalid :transaction boundary"),
                    problems(transitionBase().step("a", Noop.class, s -> s.option("transaction", "xa"))));
        }

        @Test
        void unknownOptionKeysAreKeptAndIgnored() {
            Workflow workflow = transitionBase().step("a", Noop.class, s -> s.option("team", "payments")).build();
            assertEquals("payments", workflow.step("a").orElseThrow().options().get("team"));
        }
    }

    @Nested
    class RecoveryMarkers {

        @Test
        void invalidIrreversibleMarker() {
            assertEquals(List.of("step a defines an invalid :irreversible marker"),
                    problems(transitionBase().step("a", Noop.class, s -> s.option("irreversible", "yes"))));
        }

        @Test
        void invalidCompensatableMarker() {
            assertEquals(List.of("step a defines an invalid :compensatable marker"),
                    problems(transitionBase().step("a", Noop.class, s -> s.option("compensatable", "no"))));
        }

        @Test
        void irreversibleAndCompensatable() {
            assertEquals(List.of("step a cannot be both irreversible and compensatable"),
                    problems(transitionBase().step("a", Noop.class, s -> s.irreversible().compensatable(true))));
        }

        @Test
        void aMalformedMarkerDoesNotAlsoReportTheConflict() {
            assertEquals(List.of("step a defines an invalid :irreversible marker"),
                    problems(transitionBase().step("a", Noop.class,
                            s -> s.option("irreversible", "yes").compensatable(true))));
            assertEquals(List.of("step a defines an invalid :compensatable marker"),
                    problems(transitionBase().step("a", Noop.class,
                            s -> s.irreversible().option("compensatable", "true"))));
        }

        @Test
        void invalidCompensateCallback() {
            assertEquals(List.of("step a defines an invalid :compensate callback"),
                    problems(transitionBase().step("a", Noop.class, s -> s.option("compensate", "NotAClass"))));
            assertEquals(List.of("step a defines an invalid :compensate callback"),
                    problems(transitionBase().step("a", Noop.class, s -> s.compensate(notAStep()))));
        }

        @Test
        void compensateOnAnIrreversibleStep() {
            assertEquals(List.of("step a cannot declare :compensate when it is irreversible or non-compensatable"),
                    problems(transitionBase().step("a", Noop.class, s -> s.irreversible().compensate(Undo.class))));
        }

        @Test
        void compensateOnANonCompensatableStep() {
            assertEquals(List.of("step a cannot declare :compensate when it is irreversible or non-compensatable"),
                    problems(transitionBase().step("a", Noop.class,
                            s -> s.compensatable(false).compensate(Undo.class))));
        }
    }

    @Nested
    class Dependencies {

        @Test
        void emptyAfterList() {
            assertEquals(List.of("step c defines an invalid :after dependency list"),
                    problems(dependencyBase().step("c", Noop.class, s -> s.option("after", List.of()))));
        }

        @Test
        void afterThatIsNotAListOfNames() {
            assertEquals(List.of("step c defines an invalid :after dependency list"),
                    problems(dependencyBase().step("c", Noop.class, s -> s.option("after", "a"))));
            assertEquals(List.of("step c defines an invalid :after dependency list"),
                    problems(dependencyBase().step("c", Noop.class, s -> s.option("after", List.of(1)))));
        }

        @Test
        void unknownDependency() {
            assertEquals(List.of("step c depends on unknown step ghost"),
                    problems(dependencyBase().step("c", Noop.class, s -> s.after("a", "ghost"))));
        }

        @Test
        void selfDependency() {
            assertEquals(List.of("step c cannot depend on itself"),
                    problems(dependencyBase().step("c", Noop.class, s -> s.after("a", "c"))));
        }

        @Test
        void cycle() {
            assertEquals(List.of("workflow dependency graph must be acyclic"),
                    problems(dependencyBase()
                            .step("c", Noop.class, s -> s.after("a", "d"))
                            .step("d", Noop.class, s -> s.after("c"))));
        }

        @Test
        void noTransitionsInDependencyMode() {
            assertEquals(List.of("dependency-based workflows cannot declare transitions"),
                    problems(dependencyBase().transition("b", OK, COMPLETE)));
        }

        @Test
        void atLeastOneRoot() {
            // Without a root every step waits on another, so the graph is necessarily cyclic too.
            assertEquals(List.of("dependency-based workflow must define at least one root step",
                            "workflow dependency graph must be acyclic"),
                    problems(transitionBase()
                            .step("a", Noop.class, s -> s.after("b"))
                            .step("b", Noop.class, s -> s.after("a"))));
        }
    }

    @Nested
    class Transitions {

        private WorkflowBuilder twoSteps() {
            return transitionBase().step("a", Noop.class).step("b", Noop.class)
                    .transition("a", OK, "b")
                    .transition("b", OK, COMPLETE);
        }

        @Test
        void baseIsValid() {
            assertEquals("a", twoSteps().build().entryStep());
        }

        @Test
        void duplicateTransition() {
            assertEquals(List.of("duplicate transition declared from a on outcome ok"),
                    problems(twoSteps().transition("a", OK, COMPLETE)));
        }

        @Test
        void unknownSourceStep() {
            assertEquals(List.of("transition references unknown step: ghost (ghost --ok--> COMPLETE)"),
                    problems(twoSteps().transition("ghost", OK, COMPLETE)));
        }

        @Test
        void unsupportedOutcome() {
            assertEquals(List.of("transition from a defines unsupported outcome maybe"),
                    problems(twoSteps().transition("a", "maybe", COMPLETE, null)));
        }

        @Test
        void recoveryMarkerOnAnOkOutcome() {
            assertEquals(List.of("transition from b can only define recovery markers for :error outcomes"),
                    problems(transitionBase().step("a", Noop.class).step("b", Noop.class)
                            .transition("a", OK, "b")
                            .transition("b", "ok", COMPLETE, "undo")));
            assertEquals(List.of("transition from b can only define recovery markers for :error outcomes"),
                    problems(transitionBase().step("a", Noop.class).step("b", Noop.class)
                            .transition("a", OK, "b")
                            .transition("b", OK, COMPLETE, UNDO)));
        }

        @Test
        void unsupportedRecoveryMarker() {
            assertEquals(List.of("transition from a defines unsupported recovery marker rollback"),
                    problems(twoSteps().transition("a", "error", COMPLETE, "rollback")));
        }

        @Test
        void unknownTargetStep() {
            assertEquals(List.of("transition targets unknown step: ghost (a --error--> ghost)"),
                    problems(twoSteps().transition("a", ERROR, "ghost")));
        }

        /** A misspelt target: the step it meant has no incoming transition left, so it looks like a second entry. */
        @Test
        void aMisspeltTargetIsReportedWithItsTransitionAndWithoutItsEntryStepEcho() {
            assertEquals(List.of("transition targets unknown step: shoutt (load --ok--> shoutt)"),
                    problems(transitionBase().step("load", Noop.class).step("shout", Noop.class)
                            .transition("load", OK, "shoutt")
                            .transition("shout", OK, COMPLETE)));
        }

        /** The unknown target can explain one extra entry step, not two: the entry-step problem stands. */
        @Test
        void anEntryStepProblemTheUnknownTargetCannotExplainIsStillReported() {
            assertEquals(List.of("transition targets unknown step: shoutt (load --ok--> shoutt)",
                            "workflow must define exactly one entry step (a step no transition leads to); "
                                    + "found 3: load, shout, stray"),
                    problems(transitionBase().step("load", Noop.class).step("shout", Noop.class)
                            .step("stray", Noop.class)
                            .transition("load", OK, "shoutt")
                            .transition("shout", OK, COMPLETE)
                            .transition("stray", OK, COMPLETE)));
        }

        @Test
        void noEntryStep() {
            assertEquals(List.of("workflow must define exactly one entry step (a step no transition leads to); "
                    + "found none"),
                    problems(transitionBase().step("a", Noop.class).step("b", Noop.class)
                            .transition("a", OK, "b")
                            .transition("b", OK, "a")));
        }

        @Test
        void twoEntrySteps() {
            assertEquals(List.of("workflow must define exactly one entry step (a step no transition leads to); "
                    + "found 2: a, b"),
                    problems(transitionBase().step("a", Noop.class).step("b", Noop.class)));
        }
    }

    @Nested
    class Retries {

        @Test
        void retryForAnUnknownStep() {
            assertEquals(List.of("retry references unknown step: ghost"),
                    problems(transitionBase().step("a", Noop.class).retry("ghost", 3, null)));
        }

        @Test
        void retryThatIsNotAPolicy() {
            assertEquals(List.of("retry for a must define a positive :max_attempts"),
                    problems(transitionBase().step("a", Noop.class, s -> s.option("retry", 3))));
        }

        @Test
        void nonPositiveMaxAttempts() {
            assertEquals(List.of("retry for a must define a positive :max_attempts"),
                    problems(transitionBase().step("a", Noop.class, s -> s.retry(0))));
            assertEquals(List.of("retry for a must define a positive :max_attempts"),
                    problems(transitionBase().step("a", Noop.class).retry("a", -1, null)));
        }

        @Test
        void invalidBackoff() {
            assertEquals(List.of("retry for a defines an invalid :backoff option"),
                    problems(transitionBase().step("a", Noop.class, s -> s.retry(3, exponential(0, 1_000)))));
            assertEquals(List.of("retry for a defines an invalid :backoff option"),
                    problems(transitionBase().step("a", Noop.class).retry("a", 3, exponential(5_000, 1_000))));
        }

        @Test
        void retryDeclaredTwice() {
            assertEquals(List.of("retry for a is declared more than once"),
                    problems(transitionBase().step("a", Noop.class, s -> s.retry(2)).retry("a", 3, null)));
            assertEquals(List.of("retry for a is declared more than once"),
                    problems(transitionBase().step("a", Noop.class).retry("a", 2, null).retry("a", 3, null)));
        }
    }

    @Test
    void everyProblemIsReportedTogether() {
        WorkflowBuilder builder = workflow("wf")
                .trigger(trigger("start").type("webhook").field("day", INTEGER, today()))
                .step("a", Noop.class, s -> s.option("irreversible", "yes").output(""))
                .step("a", Other.class)
                .step("l", log("hi"), s -> s.option("level", "loud"))
                .transition("a", OK, "l")
                .transition("a", "maybe", COMPLETE, null)
                .transition("l", OK, "ghost")
                .retry("ghost", 2, null);
        assertEquals(List.of(
                "trigger start defines unsupported type webhook",
                "payload field day defines an invalid default for type integer",
                "duplicate step names: a",
                "step a defines an invalid :output mapping",
                "step a defines an invalid :irreversible marker",
                "built-in step l defines unsupported :level",
                "retry references unknown step: ghost",
                "transition from a defines unsupported outcome maybe",
                "transition targets unknown step: ghost (l --ok--> ghost)"), problems(builder));
    }

    @Test
    void theMessageListsEveryProblemUnderAHeader() {
        WorkflowValidationException e = assertThrows(WorkflowValidationException.class,
                () -> workflow("billing").build());
        assertEquals("billing", e.workflow());
        assertEquals("workflow billing validation failed:\n"
                + "  * at least one trigger is required\n"
                + "  * at least one step is required", e.getMessage());
    }

    @Test
    void problemsCannotBeModified() {
        List<String> problems = problems(workflow("wf"));
        assertThrows(UnsupportedOperationException.class, () -> problems.add("more"));
        assertTrue(problems.contains("at least one step is required"));
    }
}
