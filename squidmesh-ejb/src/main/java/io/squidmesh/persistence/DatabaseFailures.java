package io.squidmesh.persistence;

import io.squidmesh.json.UnwritableJsonException;

import java.sql.SQLException;

/**
 * Tells apart why a database write failed: the database refused the values (it fails again however often it is
 * retried, so the engine records a failure instead), or the database could not be reached or had to give up for
 * the moment (a lost connection, a restart, a deadlock, a full pool: worth trying again shortly), or neither (a
 * bug, an undeployed component: trying again cannot help).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether a failed write was the database refusing a value (SQL state class 22, "data exception": a string it
     * cannot store, a number out of range, a value too long), as opposed to a connection or locking problem that
     * a later try may not meet.
     */
    public static boolean refusedByDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnwritableJsonException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The database's own message for a refused value, for the step error. */
    public static String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return firstLine(sql.getMessage()) + " (SQL state " + sql.getSQLState() + ")";
            }
            if (cause instanceof UnwritableJsonException json) {
                return firstLine(json.getMessage());
            }
        }
        return firstLine(String.valueOf(failure.getMessage()));
    }

    /**
     * Whether a failure is the database being unavailable for the moment: a connection, locking or resource
     * problem reported by the driver (any SQL state but classes 22 and 23), the connection pool, or the network.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || !(state.startsWith("22") || state.startsWith("23"));
            }
            if (cause instanceof java.net.SocketException || cause instanceof java.io.EOFException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof jakarta.resource.ResourceException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database itself was gone: the connection broke or could not be made (SQL state class 08), the
     * server is shutting down or restarting (57P), it ran out of resources (53), or the pool or the network
     * failed. Unlike {@link #isTransient}, never an error of the statements themselves, so a caller may try the
     * whole unit of work again without risking a loop over a bug.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
            if (cause instanceof java.net.SocketException || cause instanceof java.io.EOFException
                    || cause instanceof jakarta.resource.ResourceException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
