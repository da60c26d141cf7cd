package io.squidmesh;

/**
 * How {@link SquidMesh#startRun(String, java.util.Map, StartOptions)} starts a run: through which trigger, under
 * which caller-chosen key, of which version of the workflow, and at which priority.
 * <p>
 * A <b>run key</b> makes the start idempotent: it is unique per workflow, so a client that repeats a start (after
 * a timeout, or an at-least-once producer delivering twice) gets the run the first start created instead of a
 * second one. The same key with the same trigger and payload answers that run; with another trigger or payload it
 * fails with {@code run_key_conflict}. A key is 1 to {@value #MAX_KEY_LENGTH} characters without control
 * characters; a purged run frees its key.
 *
 * @param trigger the name of one of the workflow's triggers, or {@code null} for its first declared one
 * @param key the run key, or {@code null} for a start that is not idempotent
 * @param version the version of the workflow to run, or {@code null} for the newest deployed one
 * @param priority 0 (lowest) to 9 (highest), or {@code null} for 4: the JMS priority of the run's work, and its rank
 *                 among the steps waiting for a slot of a workflow with a concurrency limit
 */
public record StartOptions(String trigger, String key, String version, Integer priority) {

    /** The lowest priority. */
    public static final int MIN_PRIORITY = 0;
    /** The highest priority. */
    public static final int MAX_PRIORITY = 9;

    /** The longest run key accepted. */
    public static final int MAX_KEY_LENGTH = 255;

    private static final StartOptions DEFAULTS = new StartOptions(null, null, null, null);

    /**
     * Options of the newest version.
     *
     * @param trigger the trigger's name, or {@code null} for the first declared one
     * @param key the run key, or {@code null}
     */
    public StartOptions(String trigger, String key) {
        this(trigger, key, null, null);
    }

    /**
     * The first declared trigger, no key.
     *
     * @return the default options
     */
    public static StartOptions defaults() {
        return DEFAULTS;
    }

    /**
     * An idempotent start under {@code key}, through the first declared trigger.
     *
     * @param key the run key
     * @return the options
     */
    public static StartOptions key(String key) {
        return new StartOptions(null, key);
    }

    /**
     * These options through the named trigger.
     *
     * @param trigger the trigger's name
     * @return new options
     */
    public StartOptions trigger(String trigger) {
        return new StartOptions(trigger, key, version, priority);
    }

    /**
     * These options at a priority.
     *
     * @param priority 0 (lowest) to 9 (highest)
     * @return new options
     */
    public StartOptions priority(int priority) {
        return new StartOptions(trigger, key, version, priority);
    }

    /**
     * These options for another version of the workflow than its newest.
     *
     * @param version a deployed version of the workflow
     * @return new options
     */
    public StartOptions version(String version) {
        return new StartOptions(trigger, key, version, priority);
    }

    /**
     * These options under a run key.
     *
     * @param key the run key
     * @return new options
     */
    public StartOptions withKey(String key) {
        return new StartOptions(trigger, key, version, priority);
    }
}
