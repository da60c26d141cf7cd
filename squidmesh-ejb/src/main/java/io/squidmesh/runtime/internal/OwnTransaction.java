package io.squidmesh.runtime.internal;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

import java.util.function.Supplier;

/**
 * One unit of background work (a heartbeat, a watchdog look) in a bean-managed transaction, whose failure is
 * returned instead of thrown: the timers that run it log one line per outage, where an exception leaving an
 * enterprise bean would be logged by the container with its stack trace on every tick while the database is away.
 *
 * @param value   what the work returned, or null when it failed
 * @param failure why it failed, or null
 */
public record OwnTransaction<T>(T value, RuntimeException failure) {

    public static <T> OwnTransaction<T> run(UserTransaction transaction, Supplier<T> work) {
        try {
            transaction.begin();
            T value = work.get();
            if (transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                transaction.rollback(); // the work chose to undo itself: not a failure
            } else {
                transaction.commit();
            }
            return new OwnTransaction<>(value, null);
        } catch (RuntimeException e) {
            rollBack(transaction);
            return new OwnTransaction<>(null, e);
        } catch (Exception e) { // begin/commit: NotSupported, Rollback, Heuristic*, System
            rollBack(transaction);
            return new OwnTransaction<>(null, new IllegalStateException(e.toString(), e));
        }
    }

    public boolean failed() {
        return failure != null;
    }

    /** The value, or the failure thrown. */
    public T orThrow() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    private static void rollBack(UserTransaction transaction) {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException ignored) {
            // nothing more to undo
        }
    }
}
