package io.squidmesh.it.continuation;

import io.squidmesh.Run;
import io.squidmesh.RunStatus;
import io.squidmesh.StepRun;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delivery carries its run on in its own thread while each next step is due at once (issue 21): every step is
 * still claimed, executed and applied in transactions of its own, and the budget hands the run back to the queue.
 * Which delivery claimed an attempt tells the paths apart: the message's id, then {@code +1}, {@code +2}... for the
 * steps the same delivery continued with.
 */
@ExtendWith(ArquillianExtension.class)
class ContinuationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(ContinuationIT.class, AttemptDeliveries.class);
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Inject
    AttemptDeliveries deliveries;

    @AfterEach
    void defaults() {
        System.clearProperty(EngineConfig.CONTINUATION_STEPS);
    }

    @Test
    void oneMessageCarriesALinearRunThroughEveryStepEachCheckpointed() {
        Run run = completedLinearRun("c-1");

        List<String> claimed = deliveries.of(run.id());
        assertEquals(3, claimed.size(), claimed::toString);
        String message = claimed.get(0).substring("load=".length());
        assertTrue(message.startsWith("ID:"), claimed::toString);
        assertEquals(List.of("load=" + message, "note=" + message + "+1", "finish=" + message + "+2"), claimed);
        List<StepRun> steps = squidMesh.inspectRun(run.id().toString(), true).stepRuns();
        assertEquals(3, steps.size());
        for (StepRun step : steps) {
            assertEquals("completed", step.status(), step::toString);
            assertEquals(1, step.attempts().size(), step::toString);
            assertEquals("completed", step.attempts().get(0).status(), step::toString);
        }
        // each step saw what the one before had written: the last one's output holds the first one's
        assertTrue(String.valueOf(run.context().get("result")).contains("c-1"), () -> "context: " + run.context());
    }

    @Test
    void theBudgetHandsTheRunBackToTheQueue() {
        System.setProperty(EngineConfig.CONTINUATION_STEPS, "2");
        List<String> claimed = deliveries.of(completedLinearRun("c-2").id());
        assertEquals(3, claimed.size(), claimed::toString);
        String first = claimed.get(0).substring("load=".length());
        assertEquals("note=" + first + "+1", claimed.get(1), "the delivered step and one more");
        String third = claimed.get(2).substring("finish=".length());
        assertTrue(third.startsWith("ID:") && !third.contains("+"), "the third step came as a message: " + claimed);
        assertNotEquals(first, third);
    }

    @Test
    void oneStepPerDeliverySendsEveryStepThroughTheQueue() {
        System.setProperty(EngineConfig.CONTINUATION_STEPS, "1");
        List<String> claimed = deliveries.of(completedLinearRun("c-3").id());
        assertEquals(3, claimed.stream().map(c -> c.substring(c.indexOf('=') + 1)).filter(id -> !id.contains("+"))
                .distinct().count(), "three messages: " + claimed);
    }

    private Run completedLinearRun(String account) {
        return Await.status(squidMesh, squidMesh.startRun("it_linear", Map.of("account_id", account)).id().toString(),
                RunStatus.COMPLETED);
    }
}
