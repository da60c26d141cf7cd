package io.squidmesh.executor;

import io.squidmesh.DeadLetter;
import io.squidmesh.QueueDepth;
import io.squidmesh.Run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers Squid Mesh work (SPEC §5.1). The engine calls these methods inside the JTA transaction
 * that changes the run's state; an implementation must enlist its enqueue in that transaction so the
 * state change and the work it implies commit or roll back together (DESIGN G1).
 * <p>
 * Every delivery must eventually reach {@code Runner.perform} with the {@link Payload} unchanged.
 * Implementations return metadata about the queued job (for example {@code job_id}, {@code queue})
 * and signal failure by throwing; any exception is treated as a dispatch failure.
 * <p>
 * Exactly one {@code Executor} bean must be deployed; use a CDI alternative to replace the JMS one.
 */
public interface Executor {

    /**
     * Queues one step of a run: the first step, a successor, a retry or a resume.
     *
     * @param run the run whose work this is
     * @param step the step's name
     * @param options when the step may be delivered
     * @return metadata about the queued job, e.g. {@code job_id}
     */
    Map<String, Object> enqueueStep(Run run, String step, EnqueueOptions options);

    /**
     * Queues several ready steps of one run at once (dependency fan-out); all or none.
     *
     * @param run the run whose work this is
     * @param steps the ready steps' names
     * @param options when the steps may be delivered
     * @return metadata about each queued job
     */
    List<Map<String, Object>> enqueueSteps(Run run, List<String> steps, EnqueueOptions options);

    /**
     * Queues the saga compensation of a run that failed with completed reversible steps.
     *
     * @param run the failed run
     * @param options when the compensation may be delivered
     * @return metadata about the queued job
     */
    Map<String, Object> enqueueCompensation(Run run, EnqueueOptions options);

    /**
     * Queues one activation of a cron trigger; called by schedulers, never by the runtime itself.
     *
     * @param workflow the workflow's name
     * @param trigger the cron trigger's name
     * @param options the activation's signal id and intended window
     * @return metadata about the queued job
     */
    Map<String, Object> enqueueCron(String workflow, String trigger, CronOptions options);

    /**
     * Checked when the application deploys: which of the queues the workflows name ({@code WorkflowBuilder.queue})
     * this executor cannot deliver to. An executor without named queues knows none.
     *
     * @param queues the queue names, each with the workflows that name it
     * @return a sentence for each queue it cannot use, naming the queue and what is missing; empty when all are known
     */
    default List<String> unknownQueues(Map<String, List<String>> queues) {
        return queues.keySet().stream().map(queue -> "queue " + queue + " (workflows " + queues.get(queue)
                + "): this executor has no named queues").toList();
    }

    /**
     * The work this executor gave up on and keeps aside (its dead-letter queue), oldest first. An executor that
     * keeps none answers none.
     *
     * @param limit at most this many
     * @return the dead letters
     */
    default List<DeadLetter> deadLetters(int limit) {
        return List.of();
    }

    /**
     * How much work waits in this executor's queues now (its work queues and its dead-letter queue), each counted up
     * to {@code cap}. An executor that cannot tell answers none.
     *
     * @param cap stop counting a queue at this many messages
     * @return one entry per queue
     */
    default List<QueueDepth> queueDepths(int cap) {
        return List.of();
    }

    /**
     * Sends a dead letter back to the queue it came from, as new work with its delivery count reset, and removes
     * it from the dead letters; inside the caller's transaction, like an enqueue.
     *
     * @param id the dead letter's id ({@link DeadLetter#id()})
     * @return the dead letter as it was, or empty when there is none with that id (already redriven, or removed)
     */
    default Optional<DeadLetter> redrive(String id) {
        return Optional.empty();
    }
}
