package io.squidmesh.runtime.internal;

import io.squidmesh.Run;
import io.squidmesh.RunExplanation;
import io.squidmesh.persistence.StepRunEntity;
import io.squidmesh.persistence.StepRunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Gathers what {@link RunExplainer} decides from: the run with its history, the rows' resume metadata, the settings. */
@ApplicationScoped
public class Explanations {

    @Inject
    RunReader reader;

    @Inject
    StepRunStore stepRuns;

    @Inject
    WorkflowRegistry registry;

    @Inject
    EngineConfig config;

    public RunExplanation explain(UUID runId) {
        Run run = reader.read(runId, true);
        Map<String, Map<String, Object>> resumeByStep = new HashMap<>();
        for (StepRunEntity row : stepRuns.forRun(runId)) {
            if (row.getResume() != null) {
                resumeByStep.put(row.getStep(), row.getResume());
            }
        }
        return RunExplainer.explain(run, resumeByStep, registry.find(run.workflow()), config.staleStepTimeout());
    }
}
