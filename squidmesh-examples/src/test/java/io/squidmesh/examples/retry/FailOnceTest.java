package io.squidmesh.examples.retry;

import io.squidmesh.workflow.StepContext;
import io.squidmesh.workflow.StepResult;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outcome depends on the persisted attempt number alone, so a fresh bean (after a restart) agrees. */
class FailOnceTest {

    private static final UUID RUN = UUID.randomUUID();
    private static final Map<String, Object> INPUT = Map.of("attempt_id", "att-1");

    @Test
    void theFirstAttemptAsksForARetry() {
        assertEquals(StepResult.retry(Map.of("message", "retry later", "code", "retry_later")),
                new FailOnce().run(INPUT, attempt(1)));
    }

    @Test
    void anyLaterAttemptSucceedsEvenOnANewInstance() {
        assertEquals(StepResult.ok(Map.of("retry_probe", Map.of("attempt_id", "att-1", "status", "ok"))),
                new FailOnce().run(INPUT, attempt(2)));
    }

    private static StepContext attempt(int attempt) {
        return new StepContext(RUN, "retry_verification", "exercise_retry", attempt, Map.of(), false);
    }
}
