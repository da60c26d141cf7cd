package io.squidmesh.web.request;

import io.squidmesh.RunQuery;
import io.squidmesh.RunStatus;
import io.squidmesh.web.problem.Problems;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters, read as strings and checked here: a JAX-RS conversion failure on a query parameter
 * would be a bare 404, and a bad parameter deserves a 400 that names it.
 */
public final class QueryParameters {

    private static final String STATUSES = Arrays.stream(RunStatus.values()).map(RunStatus::value)
            .collect(Collectors.joining(", "));

    private QueryParameters() {
    }

    /** {@code GET /runs?workflow=&status=&limit=&after=}; empty values count as absent. */
    public static RunQuery runQuery(String workflow, String status, String limit, String after, String key) {
        RunQuery query = RunQuery.all().workflow(blankToNull(workflow)).after(blankToNull(after)).key(blankToNull(key));
        if (blankToNull(status) != null) {
            query = query.status(RunStatus.parse(status)
                    .orElseThrow(() -> Problems.invalidParameter("status", status, "one of " + STATUSES)));
        }
        if (blankToNull(limit) != null) {
            query = query.limit(limit(limit));
        }
        return query;
    }

    /**
     * A whole number within bounds, such as the overview's {@code minutes}: absent (or empty) is the default, anything
     * else that is not an integer from {@code min} to {@code max} is {@code invalid_parameter} naming it.
     */
    public static int integer(String name, String value, int otherwise, int min, int max) {
        if (blankToNull(value) == null) {
            return otherwise;
        }
        String expected = "an integer from " + min + " to " + max;
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw Problems.invalidParameter(name, value, expected);
            }
            return number;
        } catch (NumberFormatException e) {
            throw Problems.invalidParameter(name, value, expected);
        }
    }

    /** A boolean flag such as {@code history}: absent is false. */
    public static boolean flag(String name, String value) {
        if (blankToNull(value) == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Problems.invalidParameter(name, value, "true or false");
    }

    private static int limit(String value) {
        String expected = "an integer from 1 to " + RunQuery.MAX_LIMIT;
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
                throw Problems.invalidParameter("limit", value, expected);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw Problems.invalidParameter("limit", value, expected);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
