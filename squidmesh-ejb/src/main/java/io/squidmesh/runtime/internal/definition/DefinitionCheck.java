package io.squidmesh.runtime.internal.definition;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.DefinitionStore;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.runtime.internal.InCallersTransaction;
import io.squidmesh.runtime.internal.RunTransitions;
import io.squidmesh.workflow.DefinitionGraph;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Applies {@link DefinitionVerdict} to a locked run in the delivering transaction: a run from before versions adopts
 * the deployed definition; a run whose definition changed is held (paused, with the reason stored with it) instead
 * of being moved by a graph it did not start with.
 */
@ApplicationScoped
@InCallersTransaction
public class DefinitionCheck {

    private static final Logger LOG = Logger.getLogger(DefinitionCheck.class.getName());

    @Inject
    WorkflowRegistry registry;

    @Inject
    DefinitionStore definitions;

    @Inject
    RunTransitions transitions;

    /** {@link DefinitionVerdict.Use}, {@link DefinitionVerdict.Absent} or {@link DefinitionVerdict.Hold}. */
    public DefinitionVerdict judge(RunEntity run) {
        DefinitionVerdict verdict = DefinitionVerdict.judge(run.getWorkflow(), run.getWorkflowVersion(),
                run.getDefinitionFingerprint(), registry.versions(run.getWorkflow()),
                () -> definitions.graph(run.getWorkflow(), run.getWorkflowVersion(), run.getDefinitionFingerprint())
                        .map(DefinitionGraph::new));
        if (verdict instanceof DefinitionVerdict.Adopt adopt) {
            run.pinTo(adopt.workflow().version(), adopt.workflow().fingerprint());
            return new DefinitionVerdict.Use(adopt.workflow());
        }
        return verdict;
    }

    /** Pauses the run with the hold's reason; nothing is queued until an operator migrates or cancels it. */
    public void hold(RunEntity run, DefinitionVerdict.Hold hold) {
        run.holdForDefinition(hold.hold());
        if (run.getStatus() != RunStatus.RUNNING) { // pending or retrying: SPEC's state machine pauses running runs
            transitions.moveTo(run, RunStatus.RUNNING, run.getCurrentStep());
        }
        transitions.moveTo(run, RunStatus.PAUSED, run.getCurrentStep());
        LOG.warning(() -> "run_id=" + run.getId() + " paused: " + hold.hold().get("message") + " ("
                + hold.reason() + "; " + hold.hold() + "); migrate it (migrateRun) or cancel it");
    }
}
