package io.squidmesh.workflow;

import java.util.List;

/**
 * What a dependency-mode run does after a step completes, decided from the statuses of its
 * step rows: complete, dispatch the ready steps of the current phase, wait for running or retrying
 * ones, or fail because nothing can run.
 */
public sealed interface DependencyProgress {

    /** Every step has completed: the run completes. */
    record Complete() implements DependencyProgress {
    }

    /**
     * Steps of the current phase whose dependencies have all completed and that have no row yet.
     *
     * @param steps the ready steps' names, to dispatch
     */
    record Dispatch(List<String> steps) implements DependencyProgress {
    }

    /** Nothing is ready, but a step of the current phase has a pending, running or failed row: the run waits for it. */
    record Wait() implements DependencyProgress {
    }

    /**
     * Nothing is ready and nothing of the current phase is unfinished: no step can ever run, so the run fails.
     *
     * @param pendingSteps the current phase's steps that have not completed
     */
    record Stuck(List<String> pendingSteps) implements DependencyProgress {
    }
}
