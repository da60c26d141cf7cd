package io.squidmesh.persistence;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    private static Throwable wrapped(String sqlState) {
        EJBException commit = new EJBException("commit failed");
        commit.initCause(new RuntimeException("rollback", new SQLException("database said no", sqlState)));
        return commit;
    }

    @Test
    void aDatabaseThatWentAwayIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(wrapped("57P01")), "administrator shutdown (a restart)");
        assertTrue(DatabaseFailures.isUnavailable(wrapped("08006")), "connection failure");
        assertTrue(DatabaseFailures.isUnavailable(wrapped("08001")), "cannot connect");
        assertTrue(DatabaseFailures.isUnavailable(wrapped("53300")), "too many connections");
        assertTrue(DatabaseFailures.isUnavailable(new EJBException(new java.net.SocketException("reset"))));
    }

    @Test
    void errorsOfTheStatementsThemselvesAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(wrapped("23505")), "a unique violation");
        assertFalse(DatabaseFailures.isUnavailable(wrapped("22P05")), "a value the database refuses");
        assertFalse(DatabaseFailures.isUnavailable(wrapped("42P01")), "a missing table: a bug, not an outage");
        assertFalse(DatabaseFailures.isUnavailable(wrapped("40001")), "a serialization failure: the retry policy's");
        assertFalse(DatabaseFailures.isUnavailable(new EJBException("no SQL at all")));
        assertTrue(DatabaseFailures.refusedByDatabase(wrapped("22P05")));
        assertFalse(DatabaseFailures.refusedByDatabase(wrapped("57P01")));
    }
}
