package io.squidmesh.runtime.internal.definition;

import io.squidmesh.WorkflowVersion;
import io.squidmesh.persistence.DefinitionStore;
import io.squidmesh.runtime.internal.Clocks;
import io.squidmesh.workflow.Workflow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deployed versions of each workflow against the runs pinned to them: records each deployed graph when the
 * application starts (so a held run can be told what changed), warns about open runs whose version's graph changed
 * or whose version is gone, and counts open runs per version for {@code GET /api/workflows}.
 */
@Stateless
public class DeployedDefinitions {

    @Inject
    WorkflowRegistry registry;

    @Inject
    DefinitionStore definitions;

    /**
     * Records every deployed graph and answers a warning for each group of open runs that a delivery will hold.
     *
     * @return the warnings, one sentence each
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> recordAndCheck() {
        for (Workflow workflow : registry.allVersions()) {
            definitions.record(workflow.name(), workflow.version(), workflow.fingerprint(), workflow.graph().lines(),
                    Clocks.now());
        }
        List<String> warnings = new ArrayList<>();
        for (DefinitionStore.PinnedRuns pinned : definitions.openRuns()) {
            List<Workflow> deployed = registry.versions(pinned.workflow());
            if (deployed.isEmpty() || pinned.fingerprint() == null) {
                continue; // another application's workflow, or runs that adopt the deployed graph
            }
            DefinitionVerdict verdict = DefinitionVerdict.judge(pinned.workflow(), pinned.version(),
                    pinned.fingerprint(), deployed, () -> definitions.graph(pinned.workflow(), pinned.version(),
                            pinned.fingerprint()).map(io.squidmesh.workflow.DefinitionGraph::new));
            if (verdict instanceof DefinitionVerdict.Hold hold) {
                warnings.add(pinned.count() + " open run(s) of workflow " + pinned.workflow() + " version "
                        + pinned.version() + " will pause at their next step: " + hold.hold().get("message")
                        + (hold.hold().containsKey("changes") ? " " + hold.hold().get("changes") : "")
                        + "; migrate them (migrateRun) or redeploy the version they started with");
            }
        }
        return warnings;
    }

    /**
     * Each deployed version of the workflow, newest first, with its open runs and those of them pinned to another
     * graph (which a delivery will hold); then each version open runs are still pinned to that is no longer deployed.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WorkflowVersion> versions(String workflow) {
        List<Workflow> deployed = registry.versions(workflow);
        List<DefinitionStore.PinnedRuns> open = definitions.openRuns().stream()
                .filter(p -> p.workflow().equals(workflow)).toList();
        List<WorkflowVersion> versions = new ArrayList<>();
        for (Workflow version : deployed) {
            long active = 0;
            long stale = 0;
            for (DefinitionStore.PinnedRuns pinned : open) {
                if (version.version().equals(pinned.version())) {
                    active += pinned.count();
                    if (pinned.fingerprint() != null && !pinned.fingerprint().equals(version.fingerprint())) {
                        stale += pinned.count();
                    }
                }
            }
            versions.add(new WorkflowVersion(version.version(), version.fingerprint(), version == deployed.get(0), true,
                    active, stale));
        }
        open.stream().map(DefinitionStore.PinnedRuns::version).filter(Objects::nonNull).distinct()
                .filter(v -> deployed.stream().noneMatch(w -> w.version().equals(v)))
                .forEach(gone -> {
                    long count = open.stream().filter(p -> gone.equals(p.version()))
                            .mapToLong(DefinitionStore.PinnedRuns::count).sum();
                    versions.add(new WorkflowVersion(gone, null, false, false, count, count));
                });
        return versions;
    }
}
