package io.squidmesh.workflow;

import io.squidmesh.workflow.TestSteps.Noop;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.squidmesh.workflow.Workflows.exponential;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retry decisions and exponential backoff (SPEC §6.7). */
class RetryAndBackoffTest {

    private static List<Long> delays(Backoff backoff, int attempts) {
        return IntStream.rangeClosed(1, attempts).mapToObj(backoff::delayMillis).toList();
    }

    @Test
    void exponentialBackoffDoublesUpToTheCap() {
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 5_000L, 5_000L), delays(exponential(1_000, 5_000), 5));
    }

    @Test
    void theCapAppliesWhenDoublingOvershootsIt() {
        assertEquals(List.of(3_000L, 6_000L, 10_000L, 10_000L), delays(exponential(3_000, 10_000), 4));
    }

    @Test
    void equalMinAndMaxGiveAConstantDelay() {
        assertEquals(List.of(1_000L, 1_000L, 1_000L), delays(exponential(1_000, 1_000), 3));
    }

    @Test
    void largeAttemptNumbersDoNotOverflow() {
        assertEquals(5_000L, exponential(1_000, 5_000).delayMillis(Integer.MAX_VALUE));
        Backoff unbounded = exponential(1, Long.MAX_VALUE);
        assertEquals(1L << 62, unbounded.delayMillis(63));
        assertEquals(Long.MAX_VALUE, unbounded.delayMillis(64));
        assertEquals(Long.MAX_VALUE, unbounded.delayMillis(1_000));
        Backoff large = exponential(3_000_000_000L, Long.MAX_VALUE - 1);
        assertEquals(Long.MAX_VALUE - 1, large.delayMillis(Integer.MAX_VALUE));
    }

    @Test
    void backoffValidity() {
        assertTrue(exponential(1, 1).isValid());
        assertTrue(exponential(1_000, 5_000).isValid());
        assertFalse(exponential(0, 1_000).isValid());
        assertFalse(exponential(-1, 1_000).isValid());
        assertFalse(exponential(5_000, 1_000).isValid());
    }

    @Test
    void backoffDescribesItself() {
        // Whole numbers come as a JSON reader returns them: Integer when they fit, Long otherwise.
        assertEquals(Map.of("type", "exponential", "min", 1_000, "max", 5_000), exponential(1_000, 5_000).toMap());
        assertEquals(Map.of("type", "exponential", "min", 1_000, "max", 3_000_000_000L),
                exponential(1_000, 3_000_000_000L).toMap());
    }

    @Test
    void maxAttemptsCountsTheFirstAttempt() {
        RetryPolicy policy = RetryPolicy.of(3);
        assertTrue(policy.retriesAfter(1));
        assertTrue(policy.retriesAfter(2));
        assertFalse(policy.retriesAfter(3));
        assertFalse(policy.retriesAfter(4));
        assertFalse(RetryPolicy.of(1).retriesAfter(1));
    }

    @Test
    void withoutBackoffRetriesAreImmediate() {
        RetryPolicy policy = RetryPolicy.of(5);
        assertNull(policy.backoff());
        assertEquals(List.of(0L, 0L, 0L, 0L), IntStream.rangeClosed(1, 4).mapToObj(policy::delayMillis).toList());
    }

    @Test
    void aPolicyDelaysPerItsBackoff() {
        RetryPolicy policy = RetryPolicy.of(5, exponential(1_000, 5_000));
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 5_000L),
                IntStream.rangeClosed(1, 4).mapToObj(policy::delayMillis).toList());
    }

    @Test
    void policiesDescribeThemselves() {
        assertEquals(Map.of("max_attempts", 2), RetryPolicy.of(2).toMap());
        assertEquals(Map.of("max_attempts", 5, "backoff", Map.of("type", "exponential", "min", 1_000, "max", 1_000)),
                RetryPolicy.of(5, exponential(1_000, 1_000)).toMap());
    }

    @Test
    void retriesDeclaredOnTheStepOrOnTheWorkflowEndUpOnTheStep() {
        Workflow workflow = workflow("wf").trigger(manual("start"))
                .step("a", Noop.class, s -> s.retry(5, exponential(1_000, 1_000)))
                .step("b", Noop.class, s -> s.after("a"))
                .step("c", Noop.class, s -> s.after("a"))
                .retry("b", 3, null)
                .build();
        assertEquals(RetryPolicy.of(5, exponential(1_000, 1_000)), workflow.step("a").orElseThrow().retry());
        assertEquals(RetryPolicy.of(3), workflow.step("b").orElseThrow().retry());
        assertNull(workflow.step("c").orElseThrow().retry());
    }
}
