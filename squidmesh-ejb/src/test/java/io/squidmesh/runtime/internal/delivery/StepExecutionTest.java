package io.squidmesh.runtime.internal.delivery;

import io.squidmesh.runtime.internal.StepError;
import io.squidmesh.workflow.Schema;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.squidmesh.workflow.Schema.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a step bean's attempt comes to (SPEC §4.11): one case per way a step can end. */
class StepExecutionTest {

    private static final StepContext CONTEXT = new StepContext(UUID.randomUUID(), "orders", "charge", 1, Map.of(), false);

    /** A step whose run is the given function, with optional schemas. */
    private static Step step(Schema in, Schema out, StepBody body) {
        return new Step() {
            @Override
            public StepResult run(Map<String, Object> input, StepContext context) throws Exception {
                return body.run(input);
            }

            @Override
            public Schema inputSchema() {
                return in;
            }

            @Override
            public Schema outputSchema() {
                return out;
            }
        };
    }

    private static Step step(StepBody body) {
        return step(Schema.NONE, Schema.NONE, body);
    }

    interface StepBody {
        StepResult run(Map<String, Object> input) throws Exception;
    }

    private static StepError failure(ExecutionOutcome outcome) {
        return assertInstanceOf(ExecutionOutcome.Failed.class, outcome).error();
    }

    @Test
    void anOkIsASuccessWithItsOutputAndDelay() {
        ExecutionOutcome outcome = StepExecution.outcomeOf(step(in -> StepResult.ok(Map.of("charged", true),
                Duration.ofMillis(250))), Map.of(), CONTEXT);
        ExecutionOutcome.Succeeded ok = assertInstanceOf(ExecutionOutcome.Succeeded.class, outcome);
        assertEquals(Map.of("charged", true), ok.output());
        assertEquals(Duration.ofMillis(250), ok.scheduleIn());
    }

    @Test
    void theStepSeesAnUnmodifiableCopyOfItsInput() {
        ExecutionOutcome outcome = StepExecution.outcomeOf(step(in -> {
            in.put("sneaky", 1);
            return StepResult.ok();
        }), Map.of("a", 1), CONTEXT);
        StepError error = failure(outcome);
        assertEquals(UnsupportedOperationException.class.getName(), error.json().get("exception"));
    }

    @Test
    void anErrorResultIsTerminalAndARetryResultIsRetryable() {
        StepError terminal = failure(StepExecution.outcomeOf(step(in -> StepResult.error("card declined")), Map.of(), CONTEXT));
        assertEquals("card declined", terminal.message());
        assertFalse(terminal.retryable());

        StepError retry = failure(StepExecution.outcomeOf(step(in -> StepResult.retry(Map.of("message", "busy"),
                Duration.ofSeconds(2))), Map.of(), CONTEXT));
        assertTrue(retry.retryable());
        assertEquals(2000L, retry.retryAfterMillis());
    }

    @Test
    void aThrownExceptionIsTerminalWithItsClassAndTheExceptionKept() {
        IllegalStateException boom = new IllegalStateException("boom");
        ExecutionOutcome outcome = StepExecution.outcomeOf(step(in -> {
            throw new EJBException(boom);
        }), Map.of(), CONTEXT);
        ExecutionOutcome.Failed failed = assertInstanceOf(ExecutionOutcome.Failed.class, outcome);
        assertSame(boom, failed.thrown(), "the container's wrapper is taken off");
        assertEquals(Map.of("message", "boom", "exception", IllegalStateException.class.getName(), "retryable?", false),
                failed.error().json());
    }

    @Test
    void inputAndOutputOutsideTheSchemasFailTheStepNamingTheFields() {
        Schema account = Schema.of(field("account_id", Schema.Type.STRING).required());
        StepError input = failure(StepExecution.outcomeOf(step(account, Schema.NONE, in -> StepResult.ok()), Map.of(), CONTEXT));
        assertEquals("native step input validation failed", input.message());
        assertEquals(Map.of("account_id", "input field is required"), input.json().get("validation_errors"));
        assertFalse(input.retryable());

        StepError output = failure(StepExecution.outcomeOf(step(Schema.NONE, account, in -> StepResult.ok(Map.of("x", 1))),
                Map.of(), CONTEXT));
        assertEquals("native step output validation failed", output.message());
        assertEquals(Map.of("account_id", "output field is required"), output.json().get("validation_errors"));
    }

    @Test
    void noResultIsAnInvalidResult() {
        StepError error = failure(StepExecution.outcomeOf(step(in -> null), Map.of(), CONTEXT));
        assertEquals("native step returned an invalid result", error.message());
        assertEquals("null", error.json().get("result"));
        assertFalse(error.retryable());
    }

    @Test
    void anOutputTheDatabaseCannotStoreFailsBeforeAnythingIsWritten() {
        ExecutionOutcome ok = ExecutionOutcome.Succeeded.now(Map.of("note", "a\u0000b"));
        StepError error = failure(StepExecution.storable(ok, "output"));
        assertEquals("output_not_storable", error.json().get("reason"));
        assertEquals("output.note", error.json().get("field"));
        assertFalse(error.retryable(), "the same output would fail the same way");
        ExecutionOutcome fine = ExecutionOutcome.Succeeded.now(Map.of("note", "ab"));
        assertSame(fine, StepExecution.storable(fine, "output"));
    }
}
