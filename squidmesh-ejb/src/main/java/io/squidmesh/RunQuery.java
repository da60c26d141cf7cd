package io.squidmesh;

/**
 * Filters and paging for {@link SquidMesh#listRuns}. Runs come newest first; {@code after} is the
 * {@link RunPage#next()} cursor of the previous page. Limits outside 1..{@value #MAX_LIMIT} fall back to
 * {@value #DEFAULT_LIMIT} (the original engine ignored non-positive limits too).
 */
public record RunQuery(String workflow, RunStatus status, int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public RunQuery {
        limit = limit > 0 && limit <= MAX_LIMIT ? limit : DEFAULT_LIMIT;
    }

    public static RunQuery all() {
        return new RunQuery(null, null, DEFAULT_LIMIT, null);
    }

    public RunQuery workflow(String workflow) {
        return new RunQuery(workflow, status, limit, after);
    }

    public RunQuery status(RunStatus status) {
        return new RunQuery(workflow, status, limit, after);
    }

    public RunQuery limit(int limit) {
        return new RunQuery(workflow, status, limit, after);
    }

    public RunQuery after(String cursor) {
        return new RunQuery(workflow, status, limit, cursor);
    }
}
