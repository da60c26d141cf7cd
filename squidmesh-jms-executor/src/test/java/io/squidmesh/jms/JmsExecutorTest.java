package io.squidmesh.jms;

import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.EnqueueOptions;
import io.squidmesh.executor.Payload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The properties a queued message carries, and the job metadata {@code enqueue} answers. */
class JmsExecutorTest {

    private static final UUID RUN = UUID.fromString("0b7f9a52-34a1-4f0e-9d6b-2f1d3c4b5a69");
    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aStepMessageNamesItsRunWorkflowStepAndTrace() {
        Map<String, String> properties = JmsExecutor.properties(Payload.step(RUN, "charge"), "orders", "charge",
                EnqueueOptions.now().inTrace(TRACE));
        assertEquals(List.of("kind", "run_id", "workflow", "step", "traceparent"), List.copyOf(properties.keySet()));
        assertEquals(Map.of("kind", "step", "run_id", RUN.toString(), "workflow", "orders", "step", "charge",
                "traceparent", TRACE), properties);
    }

    @Test
    void whatIsAbsentIsLeftOutNotSetEmpty() {
        assertEquals(Map.of("kind", "compensation", "run_id", RUN.toString(), "workflow", "orders"),
                JmsExecutor.properties(Payload.compensation(RUN), "orders", null, EnqueueOptions.now()));
        assertEquals(Map.of("kind", "cron", "workflow", "nightly", "trigger", "at_midnight"),
                JmsExecutor.properties(Payload.cron("nightly", "at_midnight", CronOptions.none()), "nightly", null,
                        EnqueueOptions.now()));
    }

    @Test
    void theJobSaysWhereAndWhenTheWorkWasQueued() {
        assertEquals(Map.of("job_id", "ID:1", "executor", "jms", "queue", "squidmesh"),
                JmsExecutor.job("ID:1", "squidmesh", EnqueueOptions.now()));
        Map<String, Object> delayed = JmsExecutor.job("ID:2", "bulk", EnqueueOptions.after(Duration.ofMillis(1500))
                .withPriority(7));
        assertEquals(1500L, delayed.get("schedule_in_ms"));
        assertEquals(7, delayed.get("priority"));
        assertEquals(2, delayed.get("schedule_in"), "whole seconds, rounded up, as the original reports them");
    }
}
