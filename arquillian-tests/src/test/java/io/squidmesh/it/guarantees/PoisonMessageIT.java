package io.squidmesh.it.guarantees;

import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Driver;
import io.squidmesh.it.support.ServerManagement;
import io.squidmesh.it.support.TestModules;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.squidmesh.it.support.ServerManagement.DLQ;
import static io.squidmesh.it.support.ServerManagement.QUEUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages the engine cannot use never loop. One it never produces is in the dead-letter queue at once; one it may
 * understand later (a workflow not deployed on this node) after the engine's bounded redelivery; both with the
 * reason in the property {@code squidmesh_dead_reason}, and the log names each one. A step for a run that does not
 * exist is not poison: after a few tries it is discarded.
 */
@ExtendWith(ArquillianExtension.class)
class PoisonMessageIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestModules.withWorkflows(PoisonMessageIT.class);
    }

    @Inject
    Driver driver;

    @Inject
    io.squidmesh.it.support.OperatorSquidMesh squidMesh;

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "[1, 2, 3]",
            "{\"kind\": \"teleport\"}",
            "{\"kind\": \"step\", \"step\": \"load\"}",
            "{\"kind\": \"step\", \"run_id\": \"not-a-uuid\", \"step\": \"load\"}"
    })
    void aMessageTheEngineNeverProducesEndsInTheDeadLetterQueueAtOnceWithItsReason(String body) throws Exception {
        String marker = UUID.randomUUID().toString();
        String messageId = driver.send(body, Map.of("test_marker", marker));

        try (ServerManagement management = ServerManagement.connect()) {
            Await.until("the message in " + DLQ, () -> management.count(DLQ, "test_marker='" + marker + "'"),
                    n -> n == 1, Duration.ofSeconds(30));
            assertEquals(0, management.count(QUEUE, "test_marker='" + marker + "'"));
            assertEquals(1, management.count(DLQ, "test_marker='" + marker + "' AND squidmesh_dead_reason IS NOT NULL"
                    + " AND squidmesh_original_id = '" + messageId + "'"));
            management.removeMessages(DLQ, "test_marker='" + marker + "'");
        }
        Await.until("a log line naming " + messageId, PoisonMessageIT::serverLog,
                log -> log.contains("Squid Mesh cannot process message " + messageId + " (delivery 1)"),
                Duration.ofSeconds(10));
    }

    @Test
    void workOfAWorkflowThisNodeDoesNotKnowIsDeliveredAgainThenDeadLetteredWithTheReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        String messageId = driver.send("{\"kind\": \"cron\", \"workflow\": \"no_such_workflow\", "
                + "\"trigger\": \"nightly\"}", Map.of("test_marker", marker));

        try (ServerManagement management = ServerManagement.connect()) {
            Await.until("the message in " + DLQ, () -> management.count(DLQ, "test_marker='" + marker + "'"),
                    n -> n == 1, Duration.ofSeconds(30));
            assertEquals(1, management.count(DLQ, "test_marker='" + marker + "' AND squidmesh_delivery = 3"
                    + " AND squidmesh_dead_reason LIKE 'cron activation of no_such_workflow/nightly:%'"));
            assertEquals(0, management.count(QUEUE, "test_marker='" + marker + "'"));
            management.removeMessages(DLQ, "test_marker='" + marker + "'");
        }
        String log = serverLog();
        assertTrue(log.contains("Squid Mesh could not process message " + messageId + " (delivery 1 of 3)"), log);
        assertTrue(log.contains("Squid Mesh could not process message " + messageId + " (delivery 2 of 3)"), log);
        assertTrue(log.contains("Squid Mesh cannot process message " + messageId + " (delivery 3)"), log);
    }

    @Test
    void aStepThisNodeDoesNotDeclareIsDeliveredAgainThenDeadLetteredWithTheReason() throws Exception {
        io.squidmesh.Run run = Await.heldAtGate(squidMesh, "it_held"); // an active run, as one in a rolling upgrade
        String marker = UUID.randomUUID().toString();
        try {
            String messageId = driver.send("{\"kind\": \"step\", \"run_id\": \"" + run.id() + "\", \"step\": "
                    + "\"added_by_the_next_version\"}", Map.of("test_marker", marker));
            try (ServerManagement management = ServerManagement.connect()) {
                Await.until("the message in " + DLQ, () -> management.count(DLQ, "test_marker='" + marker + "'"),
                        n -> n == 1, Duration.ofSeconds(30));
                assertEquals(1, management.count(DLQ, "test_marker='" + marker + "' AND squidmesh_delivery = 3 AND "
                        + "squidmesh_dead_reason LIKE '%names step added_by_the_next_version, which workflow it_held"
                        + " as deployed on this node does not declare%'"));
                management.removeMessages(DLQ, "test_marker='" + marker + "'");
            }
            assertTrue(serverLog().contains("Squid Mesh cannot process message " + messageId + " (delivery 3)"));
            assertEquals(io.squidmesh.RunStatus.RUNNING, squidMesh.inspectRun(run.id().toString()).status(),
                    "the run is untouched");
        } finally {
            io.squidmesh.it.workflows.Probe.open(run.id());
        }
    }

    @Test
    void aStepForAnUnknownRunIsDiscardedNotDeadLettered() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID runId = UUID.randomUUID();
        driver.send("{\"kind\":\"step\",\"run_id\":\"" + runId + "\",\"step\":\"load\"}", Map.of("test_marker", marker));

        Await.until("the discard log line", PoisonMessageIT::serverLog,
                log -> log.contains("step delivery for unknown run run_id=" + runId + " step=load; discarded after 3"
                        + " deliveries"), Duration.ofSeconds(30));
        try (ServerManagement management = ServerManagement.connect()) {
            Await.until("the message to be consumed", () -> management.count(QUEUE, "test_marker='" + marker + "'"),
                    n -> n == 0, Duration.ofSeconds(10));
            assertEquals(0, management.count(DLQ, "test_marker='" + marker + "'"));
        }
    }

    private static String serverLog() {
        try {
            return Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
