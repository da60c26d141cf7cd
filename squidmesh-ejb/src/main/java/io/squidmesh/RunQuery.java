package io.squidmesh;

/**
 * Filters and paging for {@link SquidMesh#listRuns}. Runs come newest first; {@code after} is the
 * {@link RunPage#next()} cursor of the previous page. Limits outside 1..{@value #MAX_LIMIT} fall back to
 * {@value #DEFAULT_LIMIT} (the original engine ignored non-positive limits too).
 *
 * @param workflow only runs of this workflow, or {@code null} for any
 * @param status only runs in this status, or {@code null} for any
 * @param limit the page size
 * @param after the cursor of the previous page, or {@code null} for the first page
 * @param key only the run started with this run key ({@link StartOptions}), or {@code null} for any
 */
public record RunQuery(String workflow, RunStatus status, int limit, String after, String key) {

    /** The page size used when none, or one out of range, is given. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page size allowed. */
    public static final int MAX_LIMIT = 500;

    /**
     * Replaces a limit outside 1..{@value #MAX_LIMIT} with {@value #DEFAULT_LIMIT}.
     *
     * @param workflow only runs of this workflow, or {@code null} for any
     * @param status only runs in this status, or {@code null} for any
     * @param limit the page size
     * @param after the cursor of the previous page, or {@code null} for the first page
     * @param key only the run started with this run key, or {@code null} for any
     */
    public RunQuery {
        limit = limit > 0 && limit <= MAX_LIMIT ? limit : DEFAULT_LIMIT;
    }

    /**
     * A query without a run key filter.
     *
     * @param workflow only runs of this workflow, or {@code null} for any
     * @param status only runs in this status, or {@code null} for any
     * @param limit the page size
     * @param after the cursor of the previous page, or {@code null} for the first page
     */
    public RunQuery(String workflow, RunStatus status, int limit, String after) {
        this(workflow, status, limit, after, null);
    }

    /**
     * The first page of all runs, at the default page size.
     *
     * @return a query with no filters
     */
    public static RunQuery all() {
        return new RunQuery(null, null, DEFAULT_LIMIT, null);
    }

    /**
     * This query restricted to one workflow.
     *
     * @param workflow the workflow's name, or {@code null} for any
     * @return a new query
     */
    public RunQuery workflow(String workflow) {
        return new RunQuery(workflow, status, limit, after, key);
    }

    /**
     * This query restricted to one status.
     *
     * @param status the status, or {@code null} for any
     * @return a new query
     */
    public RunQuery status(RunStatus status) {
        return new RunQuery(workflow, status, limit, after, key);
    }

    /**
     * This query with another page size.
     *
     * @param limit the page size; out of range falls back to {@value #DEFAULT_LIMIT}
     * @return a new query
     */
    public RunQuery limit(int limit) {
        return new RunQuery(workflow, status, limit, after, key);
    }

    /**
     * This query for the page after the one that returned this cursor.
     *
     * @param cursor the previous page's {@link RunPage#next()}
     * @return a new query
     */
    public RunQuery after(String cursor) {
        return new RunQuery(workflow, status, limit, cursor, key);
    }

    /**
     * This query restricted to the run started with a run key.
     *
     * @param key the run key, or {@code null} for any
     * @return a new query
     */
    public RunQuery key(String key) {
        return new RunQuery(workflow, status, limit, after, key);
    }
}
