package io.squidmesh.it.batch;

import io.squidmesh.BulkJob;
import io.squidmesh.BulkOptions;
import io.squidmesh.Run;
import io.squidmesh.RunFilter;
import io.squidmesh.RunNotFoundException;
import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.it.support.Await;
import io.squidmesh.it.support.Deployments;
import io.squidmesh.it.support.OperatorSquidMesh;
import io.squidmesh.it.support.TestModules;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operator bulk jobs (DESIGN §7): purge, cancel and replay touch exactly the filtered runs, and restart cleanly. */
@ExtendWith(ArquillianExtension.class)
class BulkJobsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.renamed(TestModules.withWorkflows(BulkJobsIT.class, BulkWorkflows.Quick.class,
                BulkWorkflows.Waiting.class, BulkWorkflows.class), "bulk.ear");
    }

    @Inject
    OperatorSquidMesh squidMesh;

    @Test
    void aPurgeDeletesExactlyTheEligibleRunsWithTheirHistory() {
        List<Run> old = completed("it_bulk", "purge", 30);
        List<Run> waiting = paused("purge", 3);
        List<Run> others = completed("it_linear", "purge", 4);

        BulkJob job = finished(squidMesh.purgeRuns(RunFilter.workflow("it_bulk"), Duration.ZERO,
                new BulkOptions(7, Duration.ZERO)));

        assertEquals("COMPLETED", job.batchStatus());
        assertEquals(Map.of("read", 30L, "written", 30L, "skipped", 0L), job.counts());
        for (Run run : old) {
            assertThrows(RunNotFoundException.class, () -> squidMesh.inspectRun(run.id().toString(), true));
        }
        waiting.forEach(run -> assertEquals(RunStatus.PAUSED, squidMesh.inspectRun(run.id().toString()).status()));
        others.forEach(run -> assertEquals(3, squidMesh.inspectRun(run.id().toString(), true).stepRuns().size()));
        assertEquals(0, runs("it_bulk").stream().filter(r -> r.status().isTerminal()).count());
        squidMesh.cancelRuns(RunFilter.workflow("it_bulk_waiting"), BulkOptions.defaults());
    }

    @Test
    void aStoppedPurgeRestartsAfterItsLastChunkWithoutDoingAnythingTwice() {
        completed("it_bulk", "restart", 60);
        long first = squidMesh.purgeRuns(RunFilter.workflow("it_bulk"), Duration.ZERO,
                new BulkOptions(5, Duration.ofMillis(300)));
        Await.until("a first chunk", () -> squidMesh.bulkJob(first), j -> j.counts().get("written") >= 5,
                Duration.ofSeconds(30));
        squidMesh.stopBulkJob(first);
        BulkJob stopped = finished(first);
        assertEquals("STOPPED", stopped.batchStatus());
        long deletedBeforeRestart = stopped.counts().get("written");
        assertTrue(deletedBeforeRestart < 60, "stopped midway: " + stopped);
        assertEquals(60 - deletedBeforeRestart, runs("it_bulk").size());

        BulkJob restarted = finished(squidMesh.restartBulkJob(first));
        assertEquals("COMPLETED", restarted.batchStatus());
        assertEquals(60 - deletedBeforeRestart, restarted.counts().get("written"), "only what was left");
        assertEquals(0, runs("it_bulk").size());
    }

    @Test
    void aBulkCancelCancelsTheRunsThatCanBeAndLeavesTheRest() {
        List<Run> waiting = paused("cancel", 5);
        List<Run> resumed = waiting.subList(3, 5);
        resumed.forEach(run -> squidMesh.unblockRun(run.id().toString(), io.squidmesh.ManualAction.none()));
        resumed.forEach(run -> Await.status(squidMesh, run.id().toString(), RunStatus.COMPLETED));
        long pausedBefore = runs("it_bulk_waiting").stream().filter(r -> r.status() == RunStatus.PAUSED).count();

        BulkJob job = finished(squidMesh.cancelRuns(RunFilter.workflow("it_bulk_waiting").status(RunStatus.PAUSED),
                new BulkOptions(2, Duration.ZERO)));

        assertEquals("COMPLETED", job.batchStatus());
        assertEquals(pausedBefore, job.counts().get("written"));
        waiting.subList(0, 3).forEach(run -> assertEquals(RunStatus.CANCELLED,
                squidMesh.inspectRun(run.id().toString()).status()));
        resumed.forEach(run -> assertEquals(RunStatus.COMPLETED, squidMesh.inspectRun(run.id().toString()).status()));
        assertEquals(0, runs("it_bulk_waiting").stream().filter(r -> r.status() == RunStatus.PAUSED).count());
    }

    @Test
    void aBulkReplaySkipsUnsafeRunsUnlessAllowed() {
        List<Run> shipped = completed("it_shipping", "replay", 2);
        Set<Object> sources = shipped.stream().map(Run::id).collect(Collectors.toSet());

        BulkJob guarded = finished(squidMesh.replayRuns(RunFilter.workflow("it_shipping"), false, BulkOptions.defaults()));
        assertEquals(0L, guarded.counts().get("written"));
        assertTrue(guarded.counts().get("skipped") >= 2);
        assertEquals(0, replaysOf(sources).size());

        BulkJob allowed = finished(squidMesh.replayRuns(RunFilter.workflow("it_shipping").status(RunStatus.COMPLETED),
                true, BulkOptions.defaults()));
        assertEquals("COMPLETED", allowed.batchStatus());
        List<Run> replays = replaysOf(sources);
        assertEquals(2, replays.size());
        assertEquals(sources, replays.stream().map(Run::replayedFromRunId).collect(Collectors.toSet()));
    }

    private BulkJob finished(long executionId) {
        return Await.until("bulk job " + executionId + " to end", () -> squidMesh.bulkJob(executionId),
                job -> !job.isRunning(), Duration.ofSeconds(60));
    }

    private List<Run> completed(String workflow, String tag, int count) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> payload = switch (workflow) {
                case "it_linear" -> Map.of("account_id", tag + i);
                case "it_shipping" -> Map.of("order_id", tag + i);
                default -> Map.of("tag", tag);
            };
            runs.add(squidMesh.startRun(workflow, payload));
        }
        return runs.stream().map(r -> Await.status(squidMesh, r.id().toString(), RunStatus.COMPLETED)).toList();
    }

    private List<Run> paused(String tag, int count) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(squidMesh.startRun("it_bulk_waiting", Map.of("tag", tag)));
        }
        return runs.stream().map(r -> Await.status(squidMesh, r.id().toString(), RunStatus.PAUSED)).toList();
    }

    private List<Run> runs(String workflow) {
        return squidMesh.listRuns(RunQuery.all().workflow(workflow).limit(500)).runs();
    }

    private List<Run> replaysOf(Set<Object> sources) {
        return runs("it_shipping").stream().filter(r -> sources.contains(r.replayedFromRunId())).toList();
    }
}
