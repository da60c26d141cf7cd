package io.squidmesh;

import java.time.Instant;
import java.util.UUID;

/**
 * An open run that has not moved when the work queued for it said it would: overdue (its work should have been
 * delivered by {@code expectedBy}), or already queued again by the engine's watchdog ({@code requeued} times since
 * it last moved).
 *
 * @param id          the run
 * @param workflow    its workflow
 * @param status      its status
 * @param currentStep the step it is at, or null
 * @param expectedBy  by when its queued work should have been delivered
 * @param requeued    how often the watchdog queued its work again since the run last moved
 * @param updatedAt   when the run last changed
 */
public record StuckRun(UUID id, String workflow, RunStatus status, String currentStep, Instant expectedBy,
                       int requeued, Instant updatedAt) {
}
