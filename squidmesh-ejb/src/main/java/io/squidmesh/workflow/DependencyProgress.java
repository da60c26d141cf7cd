package io.squidmesh.workflow;

import java.util.List;

/**
 * What a dependency-mode run does after a step completes (SPEC §6.6), decided from the statuses of its
 * step rows: complete, dispatch the ready steps of the current phase, wait for running or retrying
 * ones, or fail because nothing can run.
 */
public sealed interface DependencyProgress {

    record Complete() implements DependencyProgress {
    }

    record Dispatch(List<String> steps) implements DependencyProgress {
    }

    record Wait() implements DependencyProgress {
    }

    record Stuck(List<String> pendingSteps) implements DependencyProgress {
    }
}
