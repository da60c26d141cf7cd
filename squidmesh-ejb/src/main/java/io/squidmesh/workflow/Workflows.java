package io.squidmesh.workflow;

import java.time.Duration;

/**
 * The authoring vocabulary, meant for static import:
 * <pre>{@code
 * import static io.squidmesh.workflow.FieldType.*;
 * import static io.squidmesh.workflow.Workflows.*;
 *
 * workflow("saga_checkout")
 *     .trigger(manual("saga_checkout").field("account_id", STRING).field("order_id", STRING))
 *     .step("reserve_inventory", ReserveInventory.class, s -> s.output("inventory_reservation")
 *             .compensate(ReleaseInventory.class))
 *     .step("capture_payment", CapturePayment.class, s -> s.retry(2, exponential(1_000, 10_000)))
 *     .transition("reserve_inventory", OK, "capture_payment")
 *     .transition("capture_payment", OK, COMPLETE)
 *     .build();
 * }</pre>
 * Names are snake_case strings, the same in the database, the REST API and the dashboard.
 */
public final class Workflows {

    /** The outcome of a step that succeeded (or an approved approval step). */
    public static final Outcome OK = Outcome.OK;
    /** The outcome of a step that failed for good (or a rejected approval step). */
    public static final Outcome ERROR = Outcome.ERROR;
    /** Labels an error transition as a compensation route. */
    public static final Recovery COMPENSATION = Recovery.COMPENSATION;
    /** Labels an error transition as an undo route. */
    public static final Recovery UNDO = Recovery.UNDO;
    /** The terminal transition target: the run completes. */
    public static final String COMPLETE = "__complete__";

    private Workflows() {
    }

    /**
     * Starts the definition of the workflow {@code name} (snake_case).
     *
     * @param name the workflow's name
     * @return a new builder
     */
    public static WorkflowBuilder workflow(String name) {
        return new WorkflowBuilder(name);
    }

    /**
     * A trigger with no type yet; prefer {@link #manual(String)} or {@link #cron(String, String, String)}.
     *
     * @param name the trigger's name
     * @return a new trigger builder
     */
    public static TriggerBuilder trigger(String name) {
        return new TriggerBuilder(name);
    }

    /**
     * A trigger started by hand: {@code SquidMesh.startRun} or {@code POST /api/runs}.
     *
     * @param name the trigger's name
     * @return a new trigger builder
     */
    public static TriggerBuilder manual(String name) {
        return trigger(name).manual();
    }

    /**
     * A trigger started by a schedule: five-field cron or a nickname ({@code @daily}, {@code @reboot}), in an IANA time zone.
     *
     * @param name the trigger's name
     * @param expression the cron expression or nickname
     * @param timezone the IANA time zone, e.g. {@code Europe/London}
     * @return a new trigger builder
     */
    public static TriggerBuilder cron(String name, String expression, String timezone) {
        return trigger(name).cron(expression, timezone);
    }

    /**
     * Exponential backoff between retries, see {@link Backoff}.
     *
     * @param minMillis the wait after the first failed attempt, in milliseconds
     * @param maxMillis the longest wait, in milliseconds
     * @return the backoff
     */
    public static Backoff exponential(long minMillis, long maxMillis) {
        return Backoff.exponential(minMillis, maxMillis);
    }

    /**
     * The field may be left out of the payload.
     *
     * @return the option
     */
    public static FieldOption optional() {
        return required(false);
    }

    /**
     * Whether the field must be in the payload (fields are required by default).
     *
     * @param required whether the field is required
     * @return the option
     */
    public static FieldOption required(boolean required) {
        return new FieldOption(FieldOption.REQUIRED, required);
    }

    /**
     * A literal default, which must have the field's type.
     *
     * @param value the default value
     * @return the option
     */
    public static FieldOption defaultValue(Object value) {
        return new FieldOption(FieldOption.DEFAULT, value);
    }

    /**
     * Defaults a string field to the current UTC date when the run is created.
     *
     * @return the option
     */
    public static FieldOption today() {
        return new FieldOption(FieldOption.DEFAULT, DynamicDefault.TODAY);
    }

    /**
     * Defaults a string field to the current UTC instant (ISO-8601) when the run is created.
     *
     * @return the option
     */
    public static FieldOption now() {
        return new FieldOption(FieldOption.DEFAULT, DynamicDefault.NOW);
    }

    /**
     * Writes one log line at {@code info}; output {@code {}}.
     *
     * @param message the line to log
     * @return the built-in step
     */
    public static BuiltIn log(String message) {
        return BuiltIn.log(message, LogLevel.INFO);
    }

    /**
     * Writes one log line at {@code level}; output {@code {}}.
     *
     * @param message the line to log
     * @param level the log level
     * @return the built-in step
     */
    public static BuiltIn log(String message, LogLevel level) {
        return BuiltIn.log(message, level);
    }

    /**
     * Delays the next step without holding a thread: the successor is delivered after
     * {@code duration}, rounded up to whole seconds as the original's {@code wait} (retries and
     * {@code StepResult.ok(output, scheduleIn)} keep their milliseconds).
     *
     * @param duration how long to wait
     * @return the built-in step
     */
    public static BuiltIn waitFor(Duration duration) {
        return BuiltIn.waitFor(duration);
    }

    /**
     * Runs the Jakarta Batch job {@code jobName} (its XML in {@code META-INF/batch-jobs}) with the step's input
     * as job parameters. The run waits without holding a thread and goes on when the job ends: completed jobs
     * give {@code {execution_id, batch_status, exit_status, metrics}} as output; failed or stopped jobs fail
     * the step, which retries (restarting the job from its checkpoint) under the step's retry policy.
     *
     * @param jobName the batch job's name
     * @return the built-in step
     */
    public static BuiltIn batch(String jobName) {
        return BuiltIn.batch(jobName);
    }

    /**
     * Waits for the external event {@code event} ({@link io.squidmesh.SquidMesh#signalRun}, the REST API or the
     * {@code squidmesh-events} queue) without holding a thread or a queued message. An event sent before the run
     * gets here is kept and taken on arrival. The event's payload is the step's output (mapped with
     * {@code output(...)} as for any step) and the run follows {@code ok}. Waits for as long as it takes.
     *
     * @param event the event's name
     * @return the built-in step
     */
    public static BuiltIn awaitEvent(String event) {
        return BuiltIn.awaitEvent(event, null);
    }

    /**
     * As {@link #awaitEvent(String)}, for at most {@code timeout}: then the step fails with the error
     * {@code event_timeout} (not retried) and the run follows the step's {@code error} transition, or fails.
     *
     * @param event the event's name
     * @param timeout how long to wait at most (positive; durable: it holds across restarts)
     * @return the built-in step
     */
    public static BuiltIn awaitEvent(String event, Duration timeout) {
        return BuiltIn.awaitEvent(event, timeout);
    }

    /**
     * Starts a run of {@code workflow} as this run's child and waits for its end, without a thread or a queued
     * message. The child starts through its first trigger with the step's input as payload (map it with
     * {@code input(...)} to the child's fields), once per attempt of the step however often the step is delivered.
     * When the child completes, its context is the step's output (mapped with {@code output(...)}); when it fails or
     * is cancelled, the step fails with {@code child_failed} / {@code child_cancelled}, and the step's retry policy
     * (a new child per attempt) and error route apply. Cancelling the parent cancels the child.
     *
     * @param workflow the child's workflow
     * @return the built-in step
     */
    public static BuiltIn childRun(String workflow) {
        return BuiltIn.childRun(workflow, true);
    }

    /**
     * Starts a run of {@code workflow} as this run's child and goes on at once: the step's output is
     * {@code {"child_run_id": "..."}}; the child lives on its own (cancelling the parent does not cancel it).
     *
     * @param workflow the child's workflow
     * @return the built-in step
     */
    public static BuiltIn detachedChildRun(String workflow) {
        return BuiltIn.childRun(workflow, false);
    }

    /**
     * Stops the run until an operator unblocks it.
     *
     * @return the built-in step
     */
    public static BuiltIn pause() {
        return new BuiltIn(StepKind.PAUSE, java.util.Map.of());
    }
}
