package io.squidmesh;

/**
 * How {@link SquidMesh#startRun(String, java.util.Map, StartOptions)} starts a run: through which trigger, and
 * under which caller-chosen key.
 * <p>
 * A <b>run key</b> makes the start idempotent: it is unique per workflow, so a client that repeats a start (after
 * a timeout, or an at-least-once producer delivering twice) gets the run the first start created instead of a
 * second one. The same key with the same trigger and payload answers that run; with another trigger or payload it
 * fails with {@code run_key_conflict}. A key is 1 to {@value #MAX_KEY_LENGTH} characters without control
 * characters; a purged run frees its key.
 *
 * @param trigger the name of one of the workflow's triggers, or {@code null} for its first declared one
 * @param key the run key, or {@code null} for a start that is not idempotent
 */
public record StartOptions(String trigger, String key) {

    /** The longest run key accepted. */
    public static final int MAX_KEY_LENGTH = 255;

    private static final StartOptions DEFAULTS = new StartOptions(null, null);

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
        return new StartOptions(trigger, key);
    }

    /**
     * These options under a run key.
     *
     * @param key the run key
     * @return new options
     */
    public StartOptions withKey(String key) {
        return new StartOptions(trigger, key);
    }
}
